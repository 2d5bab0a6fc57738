package dev.dyad.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A message about a location (error, warning, remark or note), with attached notes. */
public final class Diagnostic {
  /** Severity, spelled as MLIR spells it in rendered output. */
  public enum Severity {
    ERROR("error"), WARNING("warning"), REMARK("remark"), NOTE("note");

    public final String spelling;

    Severity(String spelling) {
      this.spelling = spelling;
    }
  }

  private final Severity severity;
  private final Location location;
  private final String message;
  private final List<Diagnostic> notes = new ArrayList<>();

  public Diagnostic(Severity severity, Location location, String message) {
    this.severity = Objects.requireNonNull(severity);
    this.location = Objects.requireNonNull(location);
    this.message = Objects.requireNonNull(message);
  }

  public static Diagnostic error(Location loc, String message) {
    return new Diagnostic(Severity.ERROR, loc, message);
  }

  public Severity severity() {
    return severity;
  }

  public Location location() {
    return location;
  }

  public String message() {
    return message;
  }

  public List<Diagnostic> notes() {
    return Collections.unmodifiableList(notes);
  }

  /** Attaches a note; returns this diagnostic for chaining. */
  public Diagnostic attachNote(Location loc, String msg) {
    notes.add(new Diagnostic(Severity.NOTE, loc, msg));
    return this;
  }

  @Override
  public String toString() {
    return severity.spelling + ": " + message;
  }
}
