package dev.dyad.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the diagnostics of a Context. Diagnostics are kept (not printed on the spot) so that
 * notes attached after emission are part of them and tools decide how to render or check them.
 */
public final class DiagnosticEngine {
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private Consumer<Diagnostic> observer = d -> {};

  public Diagnostic emit(Diagnostic d) {
    diagnostics.add(d);
    observer.accept(d);
    return d;
  }

  public Diagnostic emitError(Location loc, String message) {
    return emit(Diagnostic.error(loc, message));
  }

  public Diagnostic emitWarning(Location loc, String message) {
    return emit(new Diagnostic(Diagnostic.Severity.WARNING, loc, message));
  }

  public Diagnostic emitRemark(Location loc, String message) {
    return emit(new Diagnostic(Diagnostic.Severity.REMARK, loc, message));
  }

  /** Called for each diagnostic as it is emitted (before notes are attached). */
  public void setObserver(Consumer<Diagnostic> observer) {
    this.observer = observer;
  }

  /** How many diagnostics have been collected (and not taken). */
  public int size() {
    return diagnostics.size();
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
  }

  /** Returns and forgets the collected diagnostics. */
  public List<Diagnostic> takeAll() {
    List<Diagnostic> out = List.copyOf(diagnostics);
    diagnostics.clear();
    return out;
  }
}
