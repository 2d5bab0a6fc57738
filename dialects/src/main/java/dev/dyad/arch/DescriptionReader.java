package dev.dyad.arch;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dyad.arch.Unit.Quantity;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one JSON hardware description into a {@link HardwareDescription}: checks the structure,
 * the units and provenance of every number and the ranges, collecting every problem before
 * giving up, and converts the numbers to canonical units.
 */
final class DescriptionReader {
  /** Every top-level field, in the order descriptions list them and errors are reported. */
  static final List<String> FIELDS = List.of(
      "name", "summary", "references", "technology", "dual_mode", "arrays", "array_rows", "array_cols",
      "cell_bits", "weight_bits", "activation_bits", "clock", "mvm_latency", "memory_bandwidth_per_array",
      "memory_capacity_per_array", "internal_bandwidth", "external_bandwidth", "buffer_size",
      "switch_latency_to_compute", "switch_latency_to_memory", "weight_write_latency_per_row",
      "weight_write_latency_per_array", "weight_reload_model", "vector_throughput");

  private static final List<String> QUANTITY_KEYS = List.of("value", "unit", "source", "assumed");
  private static final List<String> FACT_KEYS = List.of("value", "source", "assumed");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
      .build();

  /** Whether a number may be zero. */
  private enum Sign { POSITIVE, NON_NEGATIVE }

  private final String file;
  private final List<String> errors = new ArrayList<>();
  private JsonNode root;
  private long clockHz;

  private DescriptionReader(String file) {
    this.file = file;
  }

  /**
   * The description in {@code json}; {@code file} names it in messages.
   *
   * @throws ArchException with every problem found
   */
  static HardwareDescription read(String file, byte[] json) throws ArchException {
    DescriptionReader r = new DescriptionReader(file);
    HardwareDescription d = r.parse(json);
    if (!r.errors.isEmpty()) {
      throw new ArchException(r.errors);
    }
    return d;
  }

  private HardwareDescription parse(byte[] json) {
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? file : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
      errors.add(where + ": malformed JSON: " + firstLine(e.getOriginalMessage()));
      return null;
    } catch (IOException e) {
      errors.add(file + ": cannot read: " + e.getMessage());
      return null;
    }
    if (root == null || root.isMissingNode()) {
      errors.add(file + ": expected a JSON object, got an empty file");
      return null;
    }
    if (!root.isObject()) {
      errors.add(file + ": expected a JSON object at the top level, got " + describe(root));
      return null;
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        error("", unknownField(f, FIELDS));
      }
    }
    return build();
  }

  private HardwareDescription build() {
    String name = name();
    String summary = summary();
    references();
    Technology technology = technology();
    Boolean dualMode = dualMode();
    BigDecimal arrays = quantity("arrays", Quantity.COUNT, Sign.POSITIVE, true);
    BigDecimal rows = quantity("array_rows", Quantity.COUNT, Sign.POSITIVE, true);
    BigDecimal cols = quantity("array_cols", Quantity.COUNT, Sign.POSITIVE, true);
    BigDecimal cellBits = quantity("cell_bits", Quantity.SIZE, Sign.POSITIVE, true);
    BigDecimal weightBits = quantity("weight_bits", Quantity.SIZE, Sign.POSITIVE, true);
    BigDecimal activationBits = quantity("activation_bits", Quantity.SIZE, Sign.POSITIVE, true);
    BigDecimal clock = quantity("clock", Quantity.FREQUENCY, Sign.POSITIVE, true);
    clockHz = clock == null ? 0 : clock.longValueExact();
    BigDecimal mvm = quantity("mvm_latency", Quantity.TIME, Sign.POSITIVE, true);
    boolean dual = Boolean.TRUE.equals(dualMode);
    BigDecimal memoryBandwidth = quantity("memory_bandwidth_per_array", Quantity.BANDWIDTH, Sign.POSITIVE, dual);
    BigDecimal memoryCapacity = quantity("memory_capacity_per_array", Quantity.SIZE, Sign.POSITIVE, false);
    BigDecimal internal = quantity("internal_bandwidth", Quantity.BANDWIDTH, Sign.POSITIVE, true);
    BigDecimal external = quantity("external_bandwidth", Quantity.BANDWIDTH, Sign.POSITIVE, true);
    BigDecimal buffer = quantity("buffer_size", Quantity.SIZE, Sign.NON_NEGATIVE, true);
    BigDecimal toCompute = quantity("switch_latency_to_compute", Quantity.TIME, Sign.NON_NEGATIVE, dual);
    BigDecimal toMemory = quantity("switch_latency_to_memory", Quantity.TIME, Sign.NON_NEGATIVE, dual);
    BigDecimal writeRow = quantity("weight_write_latency_per_row", Quantity.TIME, Sign.POSITIVE, false);
    BigDecimal writeArray = quantity("weight_write_latency_per_array", Quantity.TIME, Sign.POSITIVE, false);
    if (!root.has("weight_write_latency_per_row") && !root.has("weight_write_latency_per_array")) {
      error("", "field 'weight_write_latency_per_row' or 'weight_write_latency_per_array' is missing "
          + "(give at least one)");
    }
    WeightReloadModel reload = weightReloadModel();
    BigDecimal vector = quantity("vector_throughput", Quantity.THROUGHPUT, Sign.POSITIVE, true);

    if (cols != null && cellBits != null && weightBits != null) {
      int cells = (weightBits.intValue() + cellBits.intValue() - 1) / cellBits.intValue();
      if (cols.intValue() < cells) {
        error("array_cols", "a row must hold at least one weight: a " + weightBits.intValue() + "-bit weight needs "
            + cells + " cells of " + cellBits.intValue() + " bit, got " + cols.intValue() + " columns");
      }
    }
    BigDecimal capacity = memoryCapacity;
    if (capacity == null && rows != null && cols != null && cellBits != null) {
      capacity = derived("memory_capacity_per_array", rows.multiply(cols).multiply(cellBits),
          "array_rows x array_cols x cell_bits");
    }
    BigDecimal rowCycles = writeRow;
    if (rowCycles == null && writeArray != null && rows != null) {
      rowCycles = writeArray.divide(rows, 0, RoundingMode.CEILING);
    }
    BigDecimal arrayCycles = writeArray;
    if (arrayCycles == null && writeRow != null && rows != null) {
      arrayCycles = derived("weight_write_latency_per_array", writeRow.multiply(rows),
          "weight_write_latency_per_row x array_rows");
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new HardwareDescription(name, summary, technology, dual, arrays.intValue(), rows.intValue(),
        cols.intValue(), cellBits.intValue(), weightBits.intValue(), activationBits.intValue(), clockHz,
        mvm.longValue(), memoryBandwidth == null ? 0 : memoryBandwidth.doubleValue(), capacity.longValue(),
        internal.doubleValue(), external.doubleValue(), buffer.longValue(),
        toCompute == null ? 0 : toCompute.longValue(), toMemory == null ? 0 : toMemory.longValue(),
        rowCycles.longValue(), arrayCycles.longValue(), reload, vector.doubleValue());
  }

  /** A value derived from others when the description leaves it out, if it is in range. */
  private BigDecimal derived(String field, BigDecimal value, String formula) {
    if (value.compareTo(LONG_MAX) > 0) {
      error("", "field '" + field + "' is missing and its default, " + formula + ", is too large");
      return null;
    }
    return value;
  }

  // ---- plain fields ----------------------------------------------------------------------------

  private String name() {
    String name = plainString("name");
    if (name != null && !NAME.matcher(name).matches()) {
      error("name", "must be letters, digits, '.', '_' and '-' (not starting with a punctuation mark), got "
          + quote(name));
      return null;
    }
    return name;
  }

  private String summary() {
    String summary = plainString("summary");
    if (summary != null && (summary.indexOf('\n') >= 0 || summary.indexOf('\r') >= 0)) {
      error("summary", "must be a single line");
      return null;
    }
    return summary;
  }

  private String plainString(String field) {
    JsonNode n = root.get(field);
    if (n == null) {
      missing("", field, "");
      return null;
    }
    if (!n.isTextual()) {
      error(field, "expected a string, got " + describe(n));
      return null;
    }
    if (n.textValue().isBlank()) {
      error(field, "must not be empty");
      return null;
    }
    return n.textValue();
  }

  private void references() {
    JsonNode n = root.get("references");
    if (n == null) {
      return;
    }
    if (!n.isArray()) {
      error("references", "expected an array of strings, got " + describe(n));
      return;
    }
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual() || e.textValue().isBlank()) {
        error("references[" + i + "]", "expected a non-empty string, got " + describe(e));
      }
    }
  }

  // ---- facts: {"value": ..., "source" | "assumed": ...} ---------------------------------------

  private Technology technology() {
    JsonNode v = fact("technology", false, true);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      error("technology.value", "expected a string, got " + describe(v));
      return null;
    }
    Technology t = Technology.fromSpelling(v.textValue());
    if (t == null) {
      error("technology.value", "unknown technology " + quote(v.textValue()) + " (expected one of "
          + String.join(", ", Technology.spellings()) + ")");
    }
    return t;
  }

  private Boolean dualMode() {
    JsonNode v = fact("dual_mode", false, true);
    if (v == null) {
      return null;
    }
    if (!v.isBoolean()) {
      error("dual_mode.value", "expected true or false, got " + describe(v));
      return null;
    }
    return v.booleanValue();
  }

  private WeightReloadModel weightReloadModel() {
    JsonNode v = fact("weight_reload_model", false, true);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      error("weight_reload_model.value", "expected a string, got " + describe(v));
      return null;
    }
    WeightReloadModel m = WeightReloadModel.fromSpelling(v.textValue());
    if (m == null) {
      error("weight_reload_model.value", "unknown weight reload model " + quote(v.textValue())
          + " (expected one of " + String.join(", ", WeightReloadModel.spellings()) + ")");
    }
    return m;
  }

  /**
   * The canonical value of the quantity {@code field}, or null when it is absent or wrong (the
   * error is recorded unless it is absent and optional).
   */
  private BigDecimal quantity(String field, Quantity quantity, Sign sign, boolean required) {
    JsonNode obj = root.get(field);
    if (obj == null) {
      if (required) {
        missing("", field, "memory_bandwidth_per_array".equals(field) || field.startsWith("switch_latency")
            ? " (required when dual_mode is true)" : "");
      }
      return null;
    }
    JsonNode v = fact(field, true, required);
    Unit unit = unit(field, quantity);
    if (v == null) {
      return null;
    }
    if (!v.isNumber()) {
      error(field + ".value", "expected a number, got " + describe(v));
      return null;
    }
    BigDecimal raw = v.decimalValue();
    if (sign == Sign.POSITIVE && raw.signum() <= 0) {
      error(field + ".value", "must be positive, got " + v.asText());
      return null;
    }
    if (sign == Sign.NON_NEGATIVE && raw.signum() < 0) {
      error(field + ".value", "must not be negative, got " + v.asText());
      return null;
    }
    if (unit == null || unit.needsClock() && clockHz <= 0) {
      // The unit or the clock is wrong, and that has been reported.
      return null;
    }
    return canonical(field, raw, v.asText(), unit, quantity);
  }

  private BigDecimal canonical(String field, BigDecimal raw, String text, Unit unit, Quantity quantity) {
    String path = field + ".value";
    if (!isWhole(raw) && (unit == Unit.COUNT || unit == Unit.CYCLES)) {
      error(path, "expected a whole number of " + unit.spelling() + ", got " + text);
      return null;
    }
    BigDecimal value = unit.toCanonical(raw, clockHz);
    if (quantity == Quantity.TIME) {
      // A physical time rarely is a whole number of cycles; a latency lasts until the next edge.
      value = value.setScale(0, RoundingMode.CEILING);
    }
    if ((quantity == Quantity.SIZE || quantity == Quantity.FREQUENCY) && !isWhole(value)) {
      error(path, text + " " + unit.spelling() + " is not a whole number of " + quantity.canonical());
      return null;
    }
    boolean isInt = quantity == Quantity.COUNT
        || List.of("cell_bits", "weight_bits", "activation_bits").contains(field);
    if (value.compareTo(isInt ? INT_MAX : LONG_MAX) > 0 || !Double.isFinite(value.doubleValue())) {
      error(path, "is too large, got " + text + " " + unit.spelling());
      return null;
    }
    return value;
  }

  /** The unit of the quantity {@code field} when it is known and measures {@code quantity}. */
  private Unit unit(String field, Quantity quantity) {
    JsonNode obj = root.get(field);
    if (!obj.isObject()) {
      return null;
    }
    JsonNode u = obj.get("unit");
    String expected = "(expected one of " + String.join(", ", quantity.spellings()) + ")";
    if (u == null) {
      error(field, "field 'unit' is missing " + expected);
      return null;
    }
    if (!u.isTextual()) {
      error(field + ".unit", "expected a string, got " + describe(u));
      return null;
    }
    Unit unit = Unit.fromSpelling(u.textValue());
    if (unit == null) {
      error(field + ".unit", "unknown unit " + quote(u.textValue()) + " for '" + field + "' " + expected);
      return null;
    }
    if (unit.quantity() != quantity) {
      error(field + ".unit", "unit " + quote(u.textValue()) + " does not fit '" + field + "' " + expected);
      return null;
    }
    return unit;
  }

  /**
   * The value of {@code {"value": ..., ["unit": ...,] "source" | "assumed": "..."}} after checking
   * its keys and provenance; null when absent or malformed (reported unless absent and optional).
   */
  private JsonNode fact(String field, boolean withUnit, boolean required) {
    JsonNode obj = root.get(field);
    if (obj == null) {
      if (required) {
        missing("", field, "");
      }
      return null;
    }
    List<String> keys = withUnit ? QUANTITY_KEYS : FACT_KEYS;
    if (!obj.isObject()) {
      error(field, "expected an object with 'value', " + (withUnit ? "'unit', " : "")
          + "and 'source' or 'assumed', got " + describe(obj));
      return null;
    }
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!keys.contains(k)) {
        error(field, unknownField(k, keys));
      }
    }
    provenance(field, obj);
    JsonNode v = obj.get("value");
    if (v == null) {
      missing(field, "value", "");
    }
    return v;
  }

  private void provenance(String field, JsonNode obj) {
    JsonNode source = obj.get("source");
    JsonNode assumed = obj.get("assumed");
    if (source != null && assumed != null) {
      error(field, "give either 'source' or 'assumed', not both");
    } else if (source == null && assumed == null) {
      error(field, "field 'source' or 'assumed' is missing (where the number was published, or why it was chosen)");
    }
    for (String k : List.of("source", "assumed")) {
      JsonNode n = obj.get(k);
      if (n != null && (!n.isTextual() || n.textValue().isBlank())) {
        error(field + "." + k, "expected a non-empty string, got " + describe(n));
      }
    }
  }

  // ---- messages --------------------------------------------------------------------------------

  private void error(String path, String message) {
    errors.add(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
  }

  private void missing(String path, String field, String why) {
    error(path, "field '" + field + "' is missing" + why);
  }

  private static String unknownField(String name, List<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String k : known) {
      int d = editDistance(name, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return "unknown field " + quote(name) + (best == null ? "" : " (did you mean '" + best + "'?)");
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(subst, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** A JSON value for a message: its type and, for scalars, its text. */
  static String describe(JsonNode n) {
    return switch (n.getNodeType()) {
      case STRING -> "string " + quote(n.textValue());
      case NUMBER -> "number " + n.asText();
      case BOOLEAN -> "boolean " + n.asText();
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static String quote(String s) {
    String shown = s.length() > 40 ? s.substring(0, 37) + "..." : s;
    return "'" + shown.replace("\n", "\\n") + "'";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static boolean isWhole(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }
}
