package dev.dyad.pass;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wall-clock timers in a tree (MLIR's {@code DefaultTimingManager}, single-threaded): the root
 * runs from construction to the report; nested timers are keyed by an object under their parent,
 * so running the same pass on many ops accumulates into one row.
 */
public final class TimingManager {
  private static final String RULE = "===" + "-".repeat(73) + "===\n";

  /** One row of the report. */
  private static final class Timer {
    final String name;
    final Map<Object, Timer> children = new LinkedHashMap<>();
    long total;
    long startedAt;

    Timer(String name) {
      this.name = name;
    }
  }

  private final Timer root = new Timer("root");
  private final Deque<Timer> running = new ArrayDeque<>();

  public TimingManager() {
    root.startedAt = System.nanoTime();
    running.push(root);
  }

  /** Starts the timer {@code key} (named {@code name}) inside the current one. */
  public void push(Object key, String name) {
    Timer t = running.peek().children.computeIfAbsent(key, k -> new Timer(name));
    t.startedAt = System.nanoTime();
    running.push(t);
  }

  /** Stops the innermost running timer. */
  public void pop() {
    Timer t = running.pop();
    if (t == root) {
      throw new IllegalStateException("no timer to stop");
    }
    t.total += System.nanoTime() - t.startedAt;
  }

  /** A scope for try-with-resources: {@code try (var s = tm.scope("Parser")) {...}}. */
  public AutoCloseable scope(String name) {
    push(name, name);
    return this::pop;
  }

  /** MLIR's execution time report as a tree, with the time so far as the total. */
  public String report() {
    long totalNanos = System.nanoTime() - root.startedAt;
    double total = totalNanos / 1e9;
    StringBuilder sb = new StringBuilder();
    sb.append(RULE).append(" ".repeat(25)).append("... Execution time report ...\n").append(RULE);
    sb.append(String.format(Locale.ROOT, "  Total Execution Time: %.4f seconds\n\n", total));
    sb.append("  ----Wall Time----  ----Name----\n");
    double rest = total;
    for (Timer child : root.children.values()) {
      printTree(sb, child, total, 0);
      rest -= child.total / 1e9;
    }
    row(sb, Math.max(0, rest), total, 0, "Rest");
    row(sb, total, total, 0, "Total");
    return sb.toString();
  }

  private static void printTree(StringBuilder sb, Timer t, double total, int indent) {
    row(sb, t.total / 1e9, total, indent, t.name);
    List<Timer> children = new ArrayList<>(t.children.values());
    for (Timer c : children) {
      printTree(sb, c, total, indent + 2);
    }
  }

  private static void row(StringBuilder sb, double seconds, double total, int indent, String name) {
    double percent = total > 0 ? 100.0 * seconds / total : 0;
    sb.append(String.format(Locale.ROOT, "  %8.4f (%5.1f%%)  ", seconds, percent));
    sb.append(" ".repeat(indent)).append(name).append('\n');
  }
}
