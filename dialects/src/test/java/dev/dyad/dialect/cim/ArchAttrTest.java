package dev.dyad.dialect.cim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.arch.ArchException;
import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.arch.Technology;
import dev.dyad.arch.WeightReloadModel;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.InvalidAttributeException;
import dev.dyad.ir.attr.Attribute;
import org.junit.jupiter.api.Test;

/** {@code #cim.arch}: printing, parsing back to an equal attribute, and malformed bodies. */
class ArchAttrTest {
  private final CimDialect cim = new CimDialect();

  /** The body after {@code #cim.} in the printed form, as the parser hands it to the dialect. */
  private static String dialectBody(Attribute a) {
    String text = AsmPrinter.toString(a);
    assertTrue(text.startsWith("#cim.arch<{") && text.endsWith("}>"), text);
    return text.substring("#cim.".length());
  }

  @Test
  void everyPresetRoundTrips() throws ArchException {
    for (String name : HardwareDescriptions.presetNames()) {
      ArchAttr attr = new ArchAttr(HardwareDescriptions.preset(name));
      Attribute back = cim.parseAttribute(dialectBody(attr));
      assertEquals(attr, back, name);
      assertEquals(AsmPrinter.toString(attr), AsmPrinter.toString(back), name);
    }
  }

  @Test
  void dynaplasiaPrintsInCanonicalUnits() throws ArchException {
    assertEquals("#cim.arch<{name = \"dynaplasia\", summary = \"DynaPlasia-like eDRAM dual-mode chip of the CMSwitch "
        + "evaluation\", technology = \"eDRAM\", dual_mode = true, arrays = 96, rows = 320, cols = 320, cell_bits = 1, "
        + "weight_bits = 8, activation_bits = 8, clock_hz = 250000000, mvm_cycles = 128, "
        + "memory_bandwidth_bits_per_cycle = 8.0, memory_capacity_bits = 102400, "
        + "internal_bandwidth_bits_per_cycle = 32.0, external_bandwidth_bits_per_cycle = 256.0, "
        + "buffer_bits = 655360, switch_to_compute_cycles = 1, switch_to_memory_cycles = 1, "
        + "weight_write_row_cycles = 1, weight_write_array_cycles = 320, weight_reload_model = \"eq2\", "
        + "vector_elements_per_cycle = 32.0}>",
        AsmPrinter.toString(new ArchAttr(HardwareDescriptions.preset("dynaplasia"))));
  }

  @Test
  void awkwardValuesRoundTrip() {
    HardwareDescription d = new HardwareDescription("odd-1.x", "quote \" backslash \\ tab\t and \u00e9",
        Technology.SRAM, false, 1, 1, 64, 3, 7, 1, 123_456_789L, Long.MAX_VALUE, 0.0, 1, 1.0 / 3, 1e-7, 0, 0, 0, 1, 1,
        WeightReloadModel.MAX, 6.02e23);
    ArchAttr attr = new ArchAttr(d);
    assertEquals(attr, cim.parseAttribute(dialectBody(attr)));
  }

  @Test
  void docsListEveryKey() throws java.io.IOException {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/hardware.md"));
    for (String key : ArchAttr.KEYS) {
      assertTrue(doc.contains("/ `" + key + "` |"), () -> "docs/hardware.md does not document key " + key);
    }
  }

  @Test
  void otherBodiesStayOpaque() {
    assertNull(cim.parseAttribute("archive<{}>"));
    assertNull(cim.parseAttribute("mode<compute>"));
  }

  private String error(String body) {
    return assertThrows(InvalidAttributeException.class, () -> cim.parseAttribute(body)).getMessage();
  }

  @Test
  void malformedBodies() throws ArchException {
    String full = dialectBody(new ArchAttr(HardwareDescriptions.preset("jain21")));
    assertEquals("#cim.arch: expected '<{...}>' after 'arch'", error("arch"));
    assertEquals("#cim.arch: expected '{' at offset 0 of its body", error("arch<[]>"));
    assertEquals("#cim.arch: key 'name' is missing; key 'summary' is missing; key 'technology' is missing; "
        + "key 'dual_mode' is missing; key 'arrays' is missing; key 'rows' is missing; key 'cols' is missing; "
        + "key 'cell_bits' is missing; key 'weight_bits' is missing; key 'activation_bits' is missing; "
        + "key 'clock_hz' is missing; key 'mvm_cycles' is missing; key 'memory_bandwidth_bits_per_cycle' is missing; "
        + "key 'memory_capacity_bits' is missing; key 'internal_bandwidth_bits_per_cycle' is missing; "
        + "key 'external_bandwidth_bits_per_cycle' is missing; key 'buffer_bits' is missing; "
        + "key 'switch_to_compute_cycles' is missing; key 'switch_to_memory_cycles' is missing; "
        + "key 'weight_write_row_cycles' is missing; key 'weight_write_array_cycles' is missing; "
        + "key 'weight_reload_model' is missing; key 'vector_elements_per_cycle' is missing", error("arch<{}>"));
    assertEquals("#cim.arch: unknown key 'colour'", error(full.replace("{name", "{colour = 1, name")));
    assertEquals("#cim.arch: key 'arrays' appears twice at offset 183 of its body",
        error(full.replace("{name", "{arrays = 1, name")));
    assertEquals("#cim.arch: arrays: expected a 32-bit integer", error(full.replace("arrays = 8", "arrays = 8.0")));
    assertEquals("#cim.arch: arrays: expected a 32-bit integer",
        error(full.replace("arrays = 8", "arrays = 4294967296")));
    assertEquals("#cim.arch: technology: is not one of eDRAM, ReRAM, SRAM",
        error(full.replace("\"SRAM\"", "\"DRAM\"")));
    assertEquals("#cim.arch: array counts and sizes must be positive",
        error(full.replace("arrays = 8", "arrays = -8")));
    String yes = full.replace("dual_mode = false", "dual_mode = yes");
    int at = yes.indexOf("yes") - "arch<".length();
    assertEquals("#cim.arch: expected a string, number, true or false, got 'yes' at offset " + at + " of its body",
        error(yes));
    assertEquals("#cim.arch: expected '}' at offset 12 of its body", error("arch<{name = \"x\" arrays = 1}>"));
  }
}
