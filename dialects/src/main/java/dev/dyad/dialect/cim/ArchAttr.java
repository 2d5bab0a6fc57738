package dev.dyad.dialect.cim;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.Technology;
import dev.dyad.arch.WeightReloadModel;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.InvalidAttributeException;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.text.StringEscapes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code #cim.arch<{name = "dynaplasia", arrays = 96, ...}>}: the full hardware description a
 * module was compiled for, in canonical units, so that a {@code .cir} file is self-contained. The
 * body is an MLIR dictionary; docs/hardware.md lists its keys.
 */
public record ArchAttr(HardwareDescription description) implements Attribute {
  public static final String MNEMONIC = "arch";
  /** The discardable attribute of the top-level module that carries the description. */
  public static final String MODULE_ATTRIBUTE = CimDialect.NAMESPACE + "." + MNEMONIC;
  private static final String WHAT = "#cim.arch";

  /** The keys of the body, in printing order. */
  static final List<String> KEYS = List.of("name", "summary", "technology", "dual_mode", "arrays", "rows", "cols",
      "cell_bits", "weight_bits", "activation_bits", "clock_hz", "mvm_cycles", "memory_bandwidth_bits_per_cycle",
      "memory_capacity_bits", "internal_bandwidth_bits_per_cycle", "external_bandwidth_bits_per_cycle",
      "buffer_bits", "switch_to_compute_cycles", "switch_to_memory_cycles", "weight_write_row_cycles",
      "weight_write_array_cycles", "weight_reload_model", "vector_elements_per_cycle");

  public ArchAttr {
    java.util.Objects.requireNonNull(description, "description");
  }

  @Override
  public void print(AsmPrinter p) {
    p.printDialectSymbol('#', CimDialect.NAMESPACE, MNEMONIC + "<" + body() + ">");
  }

  /** The dictionary between the angle brackets. */
  public String body() {
    HardwareDescription d = description;
    List<Object> values = List.of(d.name(), d.summary(), d.technology().spelling(), d.dualMode(), d.arrays(),
        d.rows(), d.cols(), d.cellBits(), d.weightBits(), d.activationBits(), d.clockHz(), d.mvmCycles(),
        d.memoryBandwidthBitsPerCycle(), d.memoryCapacityBits(), d.internalBandwidthBitsPerCycle(),
        d.externalBandwidthBitsPerCycle(), d.bufferBits(), d.switchToComputeCycles(), d.switchToMemoryCycles(),
        d.weightWriteRowCycles(), d.weightWriteArrayCycles(), d.weightReloadModel().spelling(),
        d.vectorElementsPerCycle());
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < KEYS.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(KEYS.get(i)).append(" = ");
      Object v = values.get(i);
      // Double.toString is exact: parseDouble reads back the same double.
      sb.append(v instanceof String s ? StringEscapes.quote(s) : v.toString());
    }
    return sb.append('}').toString();
  }

  /** Whether {@code body} (the text after {@code #cim.}) is meant to be an arch attribute. */
  static boolean isArchBody(String body) {
    if (!body.startsWith(MNEMONIC)) {
      return false;
    }
    String rest = body.substring(MNEMONIC.length());
    return rest.isEmpty() || rest.charAt(0) == '<' || Character.isWhitespace(rest.charAt(0));
  }

  /**
   * The attribute of the body {@code arch<{...}>}.
   *
   * @throws InvalidAttributeException when it is malformed or incomplete
   */
  public static ArchAttr parse(String body) {
    String rest = body.substring(MNEMONIC.length()).strip();
    if (!rest.startsWith("<") || !rest.endsWith(">")) {
      throw new InvalidAttributeException(WHAT + ": expected '<{...}>' after 'arch'");
    }
    Map<String, Object> e = DictionaryBody.parse(rest.substring(1, rest.length() - 1), WHAT);
    List<String> problems = new ArrayList<>();
    for (String k : e.keySet()) {
      if (!KEYS.contains(k)) {
        problems.add("unknown key '" + k + "'");
      }
    }
    for (String k : KEYS) {
      if (!e.containsKey(k)) {
        problems.add("key '" + k + "' is missing");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidAttributeException(WHAT + ": " + String.join("; ", problems));
    }
    Technology technology = Technology.fromSpelling(string(e, "technology"));
    if (technology == null) {
      throw invalid("technology", "is not one of eDRAM, ReRAM, SRAM");
    }
    WeightReloadModel model = WeightReloadModel.fromSpelling(string(e, "weight_reload_model"));
    if (model == null) {
      throw invalid("weight_reload_model", "is not one of eq2, bandwidth, max");
    }
    try {
      return new ArchAttr(new HardwareDescription(string(e, "name"), string(e, "summary"), technology,
          bool(e, "dual_mode"), integer(e, "arrays"), integer(e, "rows"), integer(e, "cols"), integer(e, "cell_bits"),
          integer(e, "weight_bits"), integer(e, "activation_bits"), lng(e, "clock_hz"), lng(e, "mvm_cycles"),
          real(e, "memory_bandwidth_bits_per_cycle"), lng(e, "memory_capacity_bits"),
          real(e, "internal_bandwidth_bits_per_cycle"), real(e, "external_bandwidth_bits_per_cycle"),
          lng(e, "buffer_bits"), lng(e, "switch_to_compute_cycles"), lng(e, "switch_to_memory_cycles"),
          lng(e, "weight_write_row_cycles"), lng(e, "weight_write_array_cycles"), model,
          real(e, "vector_elements_per_cycle")));
    } catch (IllegalArgumentException invalid) {
      throw new InvalidAttributeException(WHAT + ": " + invalid.getMessage());
    }
  }

  private static String string(Map<String, Object> e, String key) {
    if (e.get(key) instanceof String s) {
      return s;
    }
    throw invalid(key, "expected a string");
  }

  private static boolean bool(Map<String, Object> e, String key) {
    if (e.get(key) instanceof Boolean b) {
      return b;
    }
    throw invalid(key, "expected true or false");
  }

  private static int integer(Map<String, Object> e, String key) {
    if (e.get(key) instanceof BigInteger i && i.bitLength() < 32) {
      return i.intValue();
    }
    throw invalid(key, "expected a 32-bit integer");
  }

  private static long lng(Map<String, Object> e, String key) {
    if (e.get(key) instanceof BigInteger i && i.bitLength() < 64) {
      return i.longValue();
    }
    throw invalid(key, "expected a 64-bit integer");
  }

  private static double real(Map<String, Object> e, String key) {
    Object v = e.get(key);
    if (v instanceof Double d) {
      return d;
    }
    if (v instanceof BigInteger i) {
      return i.doubleValue();
    }
    throw invalid(key, "expected a number");
  }

  private static InvalidAttributeException invalid(String key, String message) {
    return new InvalidAttributeException(WHAT + ": " + key + ": " + message);
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}
