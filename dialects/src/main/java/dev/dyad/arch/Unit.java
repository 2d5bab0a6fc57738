package dev.dyad.arch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The closed set of units a hardware description may use, each with the quantity it measures and
 * its factor to the canonical unit of that quantity (see {@link Quantity}).
 */
public enum Unit {
  COUNT("count", Quantity.COUNT, BigDecimal.ONE),
  BIT("bit", Quantity.SIZE, BigDecimal.ONE),
  BYTE("B", Quantity.SIZE, BigDecimal.valueOf(8)),
  KIB("KiB", Quantity.SIZE, BigDecimal.valueOf(8L << 10)),
  MIB("MiB", Quantity.SIZE, BigDecimal.valueOf(8L << 20)),
  CYCLES("cycles", Quantity.TIME, BigDecimal.ONE),
  /** Needs the clock: the factor is in seconds, not cycles. */
  NS("ns", Quantity.TIME, new BigDecimal("1e-9")),
  /** Needs the clock: the factor is in seconds, not cycles. */
  US("us", Quantity.TIME, new BigDecimal("1e-6")),
  MHZ("MHz", Quantity.FREQUENCY, new BigDecimal("1e6")),
  GHZ("GHz", Quantity.FREQUENCY, new BigDecimal("1e9")),
  BIT_PER_CYCLE("bit/cycle", Quantity.BANDWIDTH, BigDecimal.ONE),
  BYTE_PER_CYCLE("B/cycle", Quantity.BANDWIDTH, BigDecimal.valueOf(8)),
  /** Needs the clock: the factor is in bits per second (decimal gigabytes), not bits per cycle. */
  GB_PER_S("GB/s", Quantity.BANDWIDTH, new BigDecimal("8e9")),
  ELEMENTS_PER_CYCLE("elements/cycle", Quantity.THROUGHPUT, BigDecimal.ONE);

  /** What a unit measures, and the canonical unit every value of it is converted to. */
  public enum Quantity {
    COUNT("count"),
    SIZE("bits"),
    TIME("cycles"),
    FREQUENCY("Hz"),
    BANDWIDTH("bits per cycle"),
    THROUGHPUT("elements per cycle");

    private final String canonical;

    Quantity(String canonical) {
      this.canonical = canonical;
    }

    /** The canonical unit, as documentation spells it. */
    public String canonical() {
      return canonical;
    }

    /** The spellings of the units of this quantity, in declaration order. */
    public List<String> spellings() {
      List<String> out = new ArrayList<>();
      for (Unit u : Unit.values()) {
        if (u.quantity == this) {
          out.add(u.spelling);
        }
      }
      return out;
    }
  }

  private final String spelling;
  private final Quantity quantity;
  private final BigDecimal factor;

  Unit(String spelling, Quantity quantity, BigDecimal factor) {
    this.spelling = spelling;
    this.quantity = quantity;
    this.factor = factor;
  }

  /** How the unit is written in a JSON description. */
  public String spelling() {
    return spelling;
  }

  public Quantity quantity() {
    return quantity;
  }

  /** Whether converting a value of this unit to the canonical one needs the clock frequency. */
  public boolean needsClock() {
    return this == NS || this == US || this == GB_PER_S;
  }

  /**
   * {@code value} in the canonical unit of this unit's quantity. Units that need the clock are
   * converted with {@code clockHz}: seconds times Hz give cycles, bits per second over Hz give
   * bits per cycle.
   */
  public BigDecimal toCanonical(BigDecimal value, long clockHz) {
    BigDecimal scaled = value.multiply(factor);
    if (!needsClock()) {
      return scaled;
    }
    if (clockHz <= 0) {
      throw new IllegalArgumentException("unit " + spelling + " needs a positive clock, got " + clockHz);
    }
    BigDecimal hz = BigDecimal.valueOf(clockHz);
    return quantity == Quantity.TIME ? scaled.multiply(hz) : scaled.divide(hz, java.math.MathContext.DECIMAL64);
  }

  /** The unit spelled {@code s}, or null when there is none. */
  public static Unit fromSpelling(String s) {
    for (Unit u : values()) {
      if (u.spelling.equals(s)) {
        return u;
      }
    }
    return null;
  }
}
