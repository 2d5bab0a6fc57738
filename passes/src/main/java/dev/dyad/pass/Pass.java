package dev.dyad.pass;

import dev.dyad.ir.Dialect;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A transformation or analysis of the IR under one op, run by a {@link PassManager}. A subclass
 * names itself ({@link #argument} in pipelines, {@link #name} in reports), says which op it runs
 * on ({@link #anchor}), declares its options and statistics as fields, and implements
 * {@link #run}:
 *
 * <pre>{@code
 * public final class MyPass extends Pass {
 *   private final Option<Long> limit = options.longOption("limit", 10, "How far to go");
 *   private final Statistic changed = statistic("num-changed", "Number of ops changed");
 *
 *   public String argument() { return "my-pass"; }
 *   public String summary() { return "Does one thing"; }
 *   public String anchor() { return "func.func"; }
 *   public void run(Operation op, PassContext ctx) { ... ctx.signalPassFailure(); ... }
 * }
 * }</pre>
 *
 * <p>A registry creates a fresh instance for every occurrence in a pipeline; one instance runs on
 * each matching op in turn, so it must not keep IR state between runs (statistics accumulate).
 */
public abstract class Pass {
  /** The anchor of passes and pass managers that run on any op ({@code any(...)} in pipelines). */
  public static final String ANY = "any";

  /** This pass's options; declare them as fields initialised from this. */
  protected final PassOptions options = new PassOptions();
  private final List<Statistic> statistics = new ArrayList<>();

  /** The name in pipelines and on the command line, e.g. {@code cse}. */
  public abstract String argument();

  /** One line for {@code --list-passes}. */
  public abstract String summary();

  /** A longer description; empty by default. */
  public String description() {
    return "";
  }

  /**
   * The name in IR dumps, timing and statistics reports (MLIR's {@code getName()}, e.g.
   * {@code CSE}): by default the class name without a {@code Pass} suffix.
   */
  public String name() {
    String simple = getClass().getSimpleName();
    if (simple.isEmpty()) {
      return argument();
    }
    return simple.endsWith("Pass") && simple.length() > 4 ? simple.substring(0, simple.length() - 4) : simple;
  }

  /** The op name this pass runs on, or {@link #ANY} for a pass that runs on any op. */
  public String anchor() {
    return ANY;
  }

  /**
   * Whether this pass can run on ops named {@code opName}; for an anchored pass, whether that is
   * its anchor. Op-agnostic passes may narrow this (MLIR's {@code canScheduleOn}).
   */
  public boolean canScheduleOn(OperationName opName) {
    return ANY.equals(anchor()) || anchor().equals(opName.getStringRef());
  }

  /** Dialects whose ops this pass may create; registered in the context before it runs. */
  public List<Dialect> dependentDialects() {
    return List.of();
  }

  /** Runs on {@code op}; reports problems as diagnostics and fails with {@code ctx.signalPassFailure()}. */
  public abstract void run(Operation op, PassContext ctx);

  /** Declares a statistic; call from a field initialiser. */
  protected final Statistic statistic(String name, String description) {
    Statistic s = new Statistic(name, description);
    statistics.add(s);
    return s;
  }

  public final PassOptions options() {
    return options;
  }

  public final List<Statistic> statistics() {
    return Collections.unmodifiableList(statistics);
  }

  /** {@code argument{options}} as pipelines write it, with every option's value. */
  public String toPipelineText() {
    return argument() + options.print();
  }

  @Override
  public String toString() {
    return toPipelineText();
  }
}
