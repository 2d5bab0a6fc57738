package dev.dyad.pass;

/**
 * A named counter of a pass (MLIR's {@code Pass::Statistic}), reported by
 * {@code --pass-statistics}. It accumulates over every op the pass instance runs on.
 */
public final class Statistic {
  private final String name;
  private final String description;
  private long value;

  Statistic(String name, String description) {
    this.name = name;
    this.description = description;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public long get() {
    return value;
  }

  public void increment() {
    value++;
  }

  public void add(long delta) {
    value += delta;
  }

  public void set(long newValue) {
    value = newValue;
  }
}
