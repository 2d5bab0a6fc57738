package dev.dyad.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every kind of mistake in a JSON description, with the exact messages users see: each names
 * the file and the field, and all mistakes of a file are reported together.
 */
class DescriptionValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The dynaplasia preset after {@code edit}, loaded as {@code foo.json}. */
  private static HardwareDescription load(Consumer<ObjectNode> edit) throws ArchException {
    ObjectNode root;
    try {
      root = (ObjectNode) JSON.readTree(HardwareDescriptionsTest.presetText("dynaplasia"));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    edit.accept(root);
    return HardwareDescriptions.parse("foo.json", root.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> errors(Consumer<ObjectNode> edit) {
    return assertThrows(ArchException.class, () -> load(edit)).messages();
  }

  private static List<String> errors(String text) {
    return assertThrows(ArchException.class,
        () -> HardwareDescriptions.parse("foo.json", text.getBytes(StandardCharsets.UTF_8))).messages();
  }

  private static ObjectNode field(ObjectNode root, String name) {
    return (ObjectNode) root.get(name);
  }

  @Test
  void theUneditedPresetLoads() throws ArchException {
    assertEquals(HardwareDescriptions.preset("dynaplasia"), load(root -> { }));
  }

  @Test
  void missingField() {
    assertEquals(List.of("foo.json: field 'clock' is missing"), errors(root -> root.remove("clock")));
    assertEquals(List.of("foo.json: field 'name' is missing"), errors(root -> root.remove("name")));
  }

  @Test
  void missingValueAndUnitInsideAField() {
    assertEquals(List.of("foo.json: arrays: field 'value' is missing"),
        errors(root -> field(root, "arrays").remove("value")));
    assertEquals(List.of("foo.json: clock: field 'unit' is missing (expected one of MHz, GHz)"),
        errors(root -> field(root, "clock").remove("unit")));
  }

  @Test
  void negativeAndZeroSizes() {
    assertEquals(List.of("foo.json: arrays.value: must be positive, got -3"),
        errors(root -> field(root, "arrays").put("value", -3)));
    assertEquals(List.of("foo.json: array_rows.value: must be positive, got 0"),
        errors(root -> field(root, "array_rows").put("value", 0)));
    assertEquals(List.of("foo.json: buffer_size.value: must not be negative, got -1"),
        errors(root -> field(root, "buffer_size").put("value", -1)));
  }

  @Test
  void zeroIsAllowedWhereItMeansNone() throws ArchException {
    HardwareDescription d = load(root -> {
      field(root, "buffer_size").put("value", 0);
      field(root, "switch_latency_to_memory").put("value", 0);
    });
    assertEquals(0, d.bufferBits());
    assertEquals(0, d.switchToMemoryCycles());
  }

  @Test
  void unknownUnit() {
    assertEquals(List.of("foo.json: clock.unit: unknown unit 'furlongs' for 'clock' (expected one of MHz, GHz)"),
        errors(root -> field(root, "clock").put("unit", "furlongs")));
    assertEquals(List.of("foo.json: buffer_size.unit: unknown unit 'KB' for 'buffer_size' "
        + "(expected one of bit, B, KiB, MiB)"), errors(root -> field(root, "buffer_size").put("unit", "KB")));
  }

  @Test
  void unitOfTheWrongQuantity() {
    assertEquals(List.of("foo.json: clock.unit: unit 'cycles' does not fit 'clock' (expected one of MHz, GHz)"),
        errors(root -> field(root, "clock").put("unit", "cycles")));
    assertEquals(List.of("foo.json: mvm_latency.unit: unit 'MHz' does not fit 'mvm_latency' "
        + "(expected one of cycles, ns, us)"), errors(root -> field(root, "mvm_latency").put("unit", "MHz")));
  }

  @Test
  void wrongJsonTypes() {
    assertEquals(List.of("foo.json: arrays.value: expected a number, got string '96'"),
        errors(root -> field(root, "arrays").put("value", "96")));
    assertEquals(List.of("foo.json: arrays: expected an object with 'value', 'unit', and 'source' or 'assumed', "
        + "got number 96"), errors(root -> root.put("arrays", 96)));
    assertEquals(List.of("foo.json: dual_mode.value: expected true or false, got string 'yes'"),
        errors(root -> field(root, "dual_mode").put("value", "yes")));
    assertEquals(List.of("foo.json: name: expected a string, got null"), errors(root -> root.putNull("name")));
    assertEquals(List.of("foo.json: clock.unit: expected a string, got an array"),
        errors(root -> field(root, "clock").putArray("unit")));
    assertEquals(List.of("foo.json: references[1]: expected a non-empty string, got number 7"),
        errors(root -> root.putArray("references").add("a paper").add(7)));
    assertEquals(List.of("foo.json: expected a JSON object at the top level, got an array"), errors("[1, 2]"));
  }

  @Test
  void unknownFields() {
    assertEquals(List.of("foo.json: unknown field 'colour'"), errors(root -> root.put("colour", "blue")));
    assertEquals(List.of("foo.json: unknown field 'clok' (did you mean 'clock'?)"),
        errors(root -> root.set("clok", root.get("clock"))));
    assertEquals(List.of("foo.json: clock: unknown field 'units' (did you mean 'unit'?)"),
        errors(root -> field(root, "clock").put("units", "MHz")));
    assertEquals(List.of("foo.json: technology: unknown field 'unit'"),
        errors(root -> field(root, "technology").put("unit", "count")));
  }

  @Test
  void provenanceIsRequiredAndSingle() {
    assertEquals(List.of("foo.json: arrays: field 'source' or 'assumed' is missing "
        + "(where the number was published, or why it was chosen)"),
        errors(root -> field(root, "arrays").remove("source")));
    assertEquals(List.of("foo.json: arrays: give either 'source' or 'assumed', not both"),
        errors(root -> field(root, "arrays").put("assumed", "a guess")));
    assertEquals(List.of("foo.json: clock.assumed: expected a non-empty string, got string ' '"),
        errors(root -> field(root, "clock").put("assumed", " ")));
  }

  @Test
  void wholeNumbers() {
    assertEquals(List.of("foo.json: arrays.value: expected a whole number of count, got 96.5"),
        errors(root -> field(root, "arrays").put("value", 96.5)));
    assertEquals(List.of("foo.json: mvm_latency.value: expected a whole number of cycles, got 1.5"),
        errors(root -> field(root, "mvm_latency").put("value", 1.5)));
    assertEquals(List.of("foo.json: buffer_size.value: 0.1 B is not a whole number of bits"),
        errors(root -> {
          field(root, "buffer_size").put("value", 0.1);
          field(root, "buffer_size").put("unit", "B");
        }));
    assertEquals(List.of("foo.json: arrays.value: is too large, got 3000000000 count"),
        errors(root -> field(root, "arrays").put("value", 3_000_000_000L)));
  }

  @Test
  void timesRoundUpToWholeCycles() throws ArchException {
    // 3 ns at 250 MHz is 0.75 cycles: a latency lasts until the next clock edge.
    HardwareDescription d = load(root -> field(root, "switch_latency_to_compute").put("value", 3).put("unit", "ns"));
    assertEquals(1, d.switchToComputeCycles());
    d = load(root -> field(root, "mvm_latency").put("value", 0.512).put("unit", "us"));
    assertEquals(128, d.mvmCycles());
    d = load(root -> field(root, "external_bandwidth").put("value", 8).put("unit", "GB/s"));
    assertEquals(256.0, d.externalBandwidthBitsPerCycle(), "8 GB/s at 250 MHz is 32 B/cycle");
  }

  @Test
  void clockDependentUnitsWithABrokenClockReportOnlyTheClock() {
    assertEquals(List.of("foo.json: field 'clock' is missing"), errors(root -> {
      root.remove("clock");
      field(root, "mvm_latency").put("value", 512).put("unit", "ns");
    }));
  }

  @Test
  void dualModeFieldsAreRequiredOnlyOnDualModeChips() throws ArchException {
    assertEquals(List.of(
        "foo.json: field 'memory_bandwidth_per_array' is missing (required when dual_mode is true)",
        "foo.json: field 'switch_latency_to_memory' is missing (required when dual_mode is true)"),
        errors(root -> {
          root.remove("memory_bandwidth_per_array");
          root.remove("switch_latency_to_memory");
        }));
    HardwareDescription d = load(root -> {
      field(root, "dual_mode").put("value", false);
      root.remove("memory_bandwidth_per_array");
      root.remove("switch_latency_to_memory");
      root.remove("switch_latency_to_compute");
    });
    assertEquals(0.0, d.memoryBandwidthBitsPerCycle());
    assertEquals(0, d.switchToComputeCycles());
  }

  @Test
  void weightWriteNeedsRowOrArrayLatency() throws ArchException {
    assertEquals(List.of("foo.json: field 'weight_write_latency_per_row' or 'weight_write_latency_per_array' "
        + "is missing (give at least one)"), errors(root -> root.remove("weight_write_latency_per_row")));
    HardwareDescription d = load(root -> {
      root.remove("weight_write_latency_per_row");
      root.putObject("weight_write_latency_per_array").put("value", 641).put("unit", "cycles").put("source", "x");
    });
    assertEquals(641, d.weightWriteArrayCycles());
    assertEquals(3, d.weightWriteRowCycles(), "ceil(641 / 320)");
  }

  @Test
  void choicesAndNames() {
    assertEquals(List.of("foo.json: technology.value: unknown technology 'MRAM' (expected one of eDRAM, ReRAM, SRAM)"),
        errors(root -> field(root, "technology").put("value", "MRAM")));
    assertEquals(List.of("foo.json: weight_reload_model.value: unknown weight reload model 'lazy' "
        + "(expected one of eq2, bandwidth, max)"),
        errors(root -> field(root, "weight_reload_model").put("value", "lazy")));
    assertEquals(List.of("foo.json: name: must be letters, digits, '.', '_' and '-' (not starting with a "
        + "punctuation mark), got 'my chip'"), errors(root -> root.put("name", "my chip")));
    assertEquals(List.of("foo.json: summary: must be a single line"), errors(root -> root.put("summary", "a\nb")));
    assertEquals(List.of("foo.json: summary: must not be empty"), errors(root -> root.put("summary", "")));
  }

  @Test
  void aRowMustHoldAWeight() {
    assertEquals(List.of("foo.json: array_cols: a row must hold at least one weight: a 8-bit weight needs 8 cells "
        + "of 1 bit, got 4 columns"), errors(root -> field(root, "array_cols").put("value", 4)));
  }

  @Test
  void allErrorsAreReportedInFieldOrder() {
    assertEquals(List.of(
        "foo.json: unknown field 'colour'",
        "foo.json: arrays.value: must be positive, got -3",
        "foo.json: clock.unit: unknown unit 'furlongs' for 'clock' (expected one of MHz, GHz)",
        "foo.json: field 'vector_throughput' is missing"),
        errors(root -> {
          root.remove("vector_throughput");
          field(root, "clock").put("unit", "furlongs");
          field(root, "arrays").put("value", -3);
          root.put("colour", "blue");
        }));
  }

  @Test
  void malformedJsonHasLineAndColumn() {
    assertEquals(List.of("foo.json:3:3: malformed JSON: Unexpected character ('o' (code 111)): was expecting "
        + "double-quote to start field name"), errors("{\n  \"name\": \"x\",\n  oops\n}"));
    assertEquals(List.of("foo.json:2:8: malformed JSON: Duplicate field 'name'"),
        errors("{\"name\": \"x\",\n \"name\": \"y\"}"));
    assertEquals(List.of("foo.json: expected a JSON object, got an empty file"), errors(""));
  }
}
