package dev.dyad.dialect.cim;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.InvalidAttributeException;
import dev.dyad.ir.attr.Attribute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code #cim.alloc<tiles = 2, dup = 2, compute = 4, mem_in = 1, mem_out = 1, reuse_in = 0>}:
 * the arrays the dual-mode optimizer gives one {@code cim.mmm} (CMSWITCH.md §4's counts).
 *
 * @param tiles the fewest arrays that hold the operator's weights once
 * @param dup how many copies of the weights run in parallel (CIM-MLC's duplication)
 * @param compute compute-mode arrays, always {@code dup · tiles}
 * @param memIn memory-mode arrays that buffer the operator's input
 * @param memOut memory-mode arrays that buffer its output
 * @param reuseIn how many of the {@code memIn} input arrays are the producer's output arrays
 *     (shared, so counted once in a segment's total)
 */
public record AllocAttr(long tiles, long dup, long compute, long memIn, long memOut, long reuseIn)
    implements Attribute {
  public static final String MNEMONIC = "alloc";
  private static final String WHAT = "#cim.alloc";
  /** The keys in printing order. */
  static final List<String> KEYS = List.of("tiles", "dup", "compute", "mem_in", "mem_out", "reuse_in");

  /** @throws IllegalArgumentException when the counts are inconsistent (see {@link #problem}) */
  public AllocAttr {
    String problem = problem(tiles, dup, compute, memIn, memOut, reuseIn);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** An allocation without memory-mode arrays: {@code compute = dup · tiles}. */
  public static AllocAttr computeOnly(long tiles, long dup) {
    return new AllocAttr(tiles, dup, Math.multiplyExact(tiles, dup), 0, 0, 0);
  }

  /** Memory-mode arrays in total, the reused ones counted once: {@code mem_in − reuse_in + mem_out}. */
  public long ownMemoryArrays() {
    return memIn - reuseIn + memOut;
  }

  /**
   * Why the counts cannot form an allocation, or null: tiles and dup at least 1, compute equal to
   * {@code dup · tiles}, memory counts non-negative, {@code reuse_in ≤ mem_in}.
   */
  static String problem(long tiles, long dup, long compute, long memIn, long memOut, long reuseIn) {
    if (tiles < 1) {
      return "'tiles' must be at least 1, got " + tiles;
    }
    if (dup < 1) {
      return "'dup' must be at least 1, got " + dup;
    }
    long product;
    try {
      product = Math.multiplyExact(dup, tiles);
    } catch (ArithmeticException e) {
      return "dup * tiles (" + dup + " * " + tiles + ") does not fit in 64 bits";
    }
    if (compute != product) {
      return "'compute' (" + compute + ") must equal dup * tiles (" + dup + " * " + tiles + " = " + product + ")";
    }
    String[] names = {"mem_in", "mem_out", "reuse_in"};
    long[] values = {memIn, memOut, reuseIn};
    for (int i = 0; i < names.length; i++) {
      if (values[i] < 0) {
        return "'" + names[i] + "' must not be negative, got " + values[i];
      }
    }
    if (reuseIn > memIn) {
      return "'reuse_in' (" + reuseIn + ") must not exceed 'mem_in' (" + memIn + "): reused arrays are input arrays";
    }
    return null;
  }

  /** Whether {@code body} (the text after {@code #cim.}) is meant to be an alloc attribute. */
  static boolean isAllocBody(String body) {
    if (!body.startsWith(MNEMONIC)) {
      return false;
    }
    String rest = body.substring(MNEMONIC.length());
    return rest.isEmpty() || rest.charAt(0) == '<' || Character.isWhitespace(rest.charAt(0));
  }

  /**
   * The attribute of the body {@code alloc<key = value, ...>}: keys in any order, {@code tiles}
   * and {@code dup} required, {@code compute} defaulting to {@code dup · tiles}, the memory
   * counts to 0.
   *
   * @throws InvalidAttributeException when it is malformed or inconsistent
   */
  public static AllocAttr parse(String body) {
    BodyScanner s = new BodyScanner(body.substring(MNEMONIC.length()), WHAT);
    s.expect('<', "after 'alloc'");
    Map<String, Long> values = new LinkedHashMap<>();
    if (!s.consume('>')) {
      do {
        String key = s.identifier("a key (one of " + String.join(", ", KEYS) + ")");
        if (!KEYS.contains(key)) {
          throw s.error("unknown key '" + key + "' (expected one of " + String.join(", ", KEYS) + ")");
        }
        s.expect('=', "after '" + key + "'");
        long value = s.integer("for '" + key + "'");
        if (values.put(key, value) != null) {
          throw s.error("key '" + key + "' appears twice");
        }
      } while (s.consume(','));
      s.expect('>', "to end the body");
    }
    s.expectEnd("after the body");
    for (String key : List.of("tiles", "dup")) {
      if (!values.containsKey(key)) {
        throw s.error("key '" + key + "' is missing");
      }
    }
    long tiles = values.get("tiles");
    long dup = values.get("dup");
    long compute = values.getOrDefault("compute", tiles > 0 && dup > 0 ? saturatingProduct(tiles, dup) : 0);
    long memIn = values.getOrDefault("mem_in", 0L);
    long memOut = values.getOrDefault("mem_out", 0L);
    long reuseIn = values.getOrDefault("reuse_in", 0L);
    String problem = problem(tiles, dup, compute, memIn, memOut, reuseIn);
    if (problem != null) {
      throw s.error(problem);
    }
    return new AllocAttr(tiles, dup, compute, memIn, memOut, reuseIn);
  }

  private static long saturatingProduct(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return -1; // problem() reports the overflow
    }
  }

  /** The body between the angle brackets, every key in canonical order. */
  public String body() {
    long[] values = {tiles, dup, compute, memIn, memOut, reuseIn};
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < KEYS.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(KEYS.get(i)).append(" = ").append(values[i]);
    }
    return sb.toString();
  }

  @Override
  public void print(AsmPrinter p) {
    p.printDialectSymbol('#', CimDialect.NAMESPACE, MNEMONIC + "<" + body() + ">");
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}
