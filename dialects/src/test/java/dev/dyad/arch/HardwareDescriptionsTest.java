package dev.dyad.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped presets, their canonical values, and the loading API. */
class HardwareDescriptionsTest {
  @TempDir
  Path temp;

  @Test
  void presetNamesAreTheFiveShippedFiles() throws IOException, URISyntaxException {
    assertEquals(List.of("dynaplasia", "prime", "puma", "isscc21-jia", "jain21"), HardwareDescriptions.presetNames());
    Path dir = Path.of(HardwareDescriptions.class.getClassLoader().getResource("arch/dynaplasia.json").toURI())
        .getParent();
    try (Stream<Path> files = Files.list(dir)) {
      List<String> shipped = files.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList();
      assertEquals(HardwareDescriptions.presetNames().stream().sorted().toList(), shipped,
          "every JSON file under arch/ is a listed preset and the other way round");
    }
  }

  @Test
  void everyPresetLoadsUnderItsName() throws ArchException {
    for (String name : HardwareDescriptions.presetNames()) {
      HardwareDescription d = HardwareDescriptions.preset(name);
      assertEquals(name, d.name());
      assertFalse(d.summary().isBlank());
      assertSame(d, HardwareDescriptions.preset(name), "presets are loaded once");
      assertEquals(d, HardwareDescriptions.resolve(name));
    }
  }

  @Test
  void dynaplasiaHasTheCmswitchNumbers() throws ArchException {
    HardwareDescription d = HardwareDescriptions.preset("dynaplasia");
    assertEquals(Technology.EDRAM, d.technology());
    assertTrue(d.dualMode());
    assertEquals(96, d.arrays());
    assertEquals(320, d.rows());
    assertEquals(320, d.cols());
    assertEquals(1, d.cellBits());
    assertEquals(8, d.weightBits());
    assertEquals(8, d.activationBits());
    assertEquals(250_000_000L, d.clockHz());
    assertEquals(128, d.mvmCycles());
    assertEquals(8.0, d.memoryBandwidthBitsPerCycle());
    assertEquals(1.0, d.memoryBandwidthBytesPerCycle());
    assertEquals(320 * 320, d.memoryCapacityBits(), "derived: rows x cols x cell bits");
    assertEquals(12_800, d.memoryCapacityBytes());
    assertEquals(32.0, d.internalBandwidthBitsPerCycle());
    assertEquals(4.0, d.internalBandwidthBytesPerCycle());
    assertEquals(256.0, d.externalBandwidthBitsPerCycle());
    assertEquals(32.0, d.externalBandwidthBytesPerCycle());
    assertEquals(10 * 1024 * 8, d.bufferBytes(), "10 KB x 8");
    assertEquals(1, d.switchToComputeCycles());
    assertEquals(1, d.switchToMemoryCycles());
    assertEquals(1, d.weightWriteRowCycles());
    assertEquals(320, d.weightWriteArrayCycles(), "derived: per row x rows");
    assertEquals(WeightReloadModel.EQ2, d.weightReloadModel());
    assertEquals(32.0, d.vectorElementsPerCycle());
    // CMSWITCH.md section 7: 40 8-bit weights per row, 12,800 B per array, 1.23 MB on the chip.
    assertEquals(8, d.cellsPerWeight());
    assertEquals(40, d.weightCols());
    assertEquals(12_800, d.weightsPerArray());
    assertEquals(1_228_800, d.weightsPerArray() * d.arrays());
    assertEquals(100.0, d.macsPerCycle());
    assertEquals(512.0, d.nanoseconds(128));
  }

  @Test
  void primeConvertsNanosecondsAndGigabytesWithItsClock() throws ArchException {
    HardwareDescription d = HardwareDescriptions.preset("prime");
    assertEquals(Technology.RERAM, d.technology());
    assertTrue(d.dualMode());
    assertEquals(1_000_000_000L, d.clockHz());
    assertEquals(800, d.mvmCycles(), "800 ns at 1 GHz");
    assertEquals(102.4, d.externalBandwidthBitsPerCycle(), 1e-12, "12.8 GB/s at 1 GHz");
    assertEquals(10, d.switchToComputeCycles());
    assertEquals(10, d.switchToMemoryCycles());
    assertEquals(500, d.weightWriteRowCycles());
    assertEquals(500 * 256, d.weightWriteArrayCycles());
    assertEquals(8 * 1024 * 8, d.memoryCapacityBits(), "given, not derived from the 4-bit cells");
    assertEquals(2, d.cellsPerWeight());
    assertEquals(128, d.weightCols());
  }

  @Test
  void pumaIsComputeOnlyWithDerivedRowWrites() throws ArchException {
    HardwareDescription d = HardwareDescriptions.preset("puma");
    assertFalse(d.dualMode());
    assertEquals(0.0, d.memoryBandwidthBitsPerCycle(), "absent on a compute-only chip");
    assertEquals(0, d.switchToComputeCycles());
    assertEquals(0, d.switchToMemoryCycles());
    assertEquals(2208, d.arrays());
    assertEquals(8, d.cellsPerWeight());
    assertEquals(128, d.weightCols(), "128x128 16-bit weights per MVMU");
    assertEquals(2304, d.mvmCycles());
    assertEquals(10_969, d.weightWriteArrayCycles(), "10968.75 ns rounded up to whole cycles");
    assertEquals(86, d.weightWriteRowCycles(), "ceil(10969 / 128)");
    assertEquals(204.8, d.externalBandwidthBitsPerCycle(), 1e-12, "25.6 GB/s at 1 GHz");
    assertEquals(8832L * 1024 * 8, d.bufferBits());
    assertEquals(1104.0, d.vectorElementsPerCycle());
  }

  @Test
  void theCimMlcSramPresets() throws ArchException {
    HardwareDescription jia = HardwareDescriptions.preset("isscc21-jia");
    assertEquals(Technology.SRAM, jia.technology());
    assertFalse(jia.dualMode());
    assertEquals(16, jia.arrays());
    assertEquals(1152, jia.rows());
    assertEquals(256, jia.cols());
    assertEquals(32, jia.weightCols());
    assertEquals(1152, jia.weightWriteArrayCycles());
    HardwareDescription jain = HardwareDescriptions.preset("jain21");
    assertEquals(8, jain.arrays());
    assertEquals(256, jain.rows());
    assertEquals(64, jain.cols());
    assertEquals(8, jain.weightCols());
    assertEquals(200_000_000L, jain.clockHz());
  }

  @Test
  void unknownPresetNamesThePresets() {
    ArchException e = assertThrows(ArchException.class, () -> HardwareDescriptions.preset("tpu"));
    assertEquals(List.of("unknown hardware preset 'tpu' (presets: dynaplasia, prime, puma, isscc21-jia, jain21)"),
        e.messages());
  }

  @Test
  void resolveTakesAFile() throws IOException, ArchException {
    Path file = temp.resolve("mine.json");
    Files.write(file, presetText("jain21").replace("\"jain21\"", "\"mine\"").getBytes(StandardCharsets.UTF_8));
    HardwareDescription d = HardwareDescriptions.resolve(file.toString());
    assertEquals("mine", d.name());
    assertEquals(HardwareDescriptions.load(file), d);
    assertEquals(HardwareDescriptions.preset("jain21").arrays(), d.arrays());
  }

  @Test
  void resolveReportsAWordThatIsNeitherPresetNorFile() {
    ArchException e = assertThrows(ArchException.class, () -> HardwareDescriptions.resolve("dynaplasya"));
    assertEquals(List.of("'dynaplasya' is neither a hardware preset (dynaplasia, prime, puma, isscc21-jia, jain21) "
        + "nor a file"), e.messages());
    assertThrows(ArchException.class, () -> HardwareDescriptions.resolve(""));
  }

  @Test
  void missingFile() {
    Path missing = temp.resolve("nope.json");
    ArchException e = assertThrows(ArchException.class, () -> HardwareDescriptions.resolve(missing.toString()));
    assertEquals(List.of("cannot read '" + missing + "': no such file"), e.messages());
    e = assertThrows(ArchException.class, () -> HardwareDescriptions.load(missing));
    assertEquals(List.of("cannot read '" + missing + "': no such file"), e.messages());
  }

  @Test
  void directoryIsNotAFile() {
    ArchException e = assertThrows(ArchException.class, () -> HardwareDescriptions.load(temp));
    assertEquals(List.of("cannot read '" + temp + "': is a directory"), e.messages());
  }

  @Test
  void unitConversions() {
    assertEquals(0, new BigDecimal("3000").compareTo(Unit.US.toCanonical(new BigDecimal("3"), 1_000_000_000L)));
    assertEquals(0, new BigDecimal("8388608").compareTo(Unit.MIB.toCanonical(BigDecimal.ONE, 0)));
    assertEquals(0, new BigDecimal("1.2e9").compareTo(Unit.GHZ.toCanonical(new BigDecimal("1.2"), 0)));
    assertEquals(0, new BigDecimal("80").compareTo(Unit.GB_PER_S.toCanonical(BigDecimal.TEN, 1_000_000_000L)));
    assertEquals(List.of("bit", "B", "KiB", "MiB"), Unit.Quantity.SIZE.spellings());
    assertThrows(IllegalArgumentException.class, () -> Unit.NS.toCanonical(BigDecimal.ONE, 0));
  }

  @Test
  void docsListEveryField() throws IOException {
    String doc = Files.readString(Path.of("../docs/hardware.md"));
    for (String field : DescriptionReader.FIELDS) {
      assertTrue(doc.contains("| `" + field + "` |"), () -> "docs/hardware.md does not document " + field);
    }
    for (String name : HardwareDescriptions.presetNames()) {
      assertTrue(doc.contains("### `" + name + "`"), () -> "docs/hardware.md does not describe preset " + name);
    }
  }

  static String presetText(String name) {
    try (var in = HardwareDescriptions.class.getClassLoader().getResourceAsStream("arch/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
