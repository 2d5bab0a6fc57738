package dev.dyad.runtime.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
  @Test
  void roundTripsEveryType(@TempDir Path dir) throws IOException {
    Tensor[] tensors = {
        Tensor.ofFloats(new int[] {2, 3}, 1.5f, -2, Float.NaN, Float.NEGATIVE_INFINITY, -0f, 3e-40f),
        Tensor.ofI8(new int[] {4}, -128, -1, 0, 127),
        Tensor.ofInts(new int[] {1, 2, 1}, Integer.MIN_VALUE, Integer.MAX_VALUE),
        Tensor.ofLongs(new int[] {3}, Long.MIN_VALUE, 0, Long.MAX_VALUE),
        Tensor.ofBools(new int[] {2, 2}, true, false, false, true),
        Tensor.ofFloats(new int[0], 42),
        Tensor.zeros(DType.F32, 0, 5),
    };
    for (Tensor t : tensors) {
      Path file = dir.resolve("t.npy");
      Npy.write(t, file);
      byte[] bytes = Files.readAllBytes(file);
      int headerEnd = 10 + (bytes[8] & 0xff) + ((bytes[9] & 0xff) << 8);
      assertEquals(0, headerEnd % 64, "preamble is padded to 64 bytes");
      assertEquals('\n', bytes[headerEnd - 1]);
      assertEquals(t, Npy.read(file));
    }
  }

  @Test
  void writesNumpysHeader() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(Tensor.ofInts(new int[] {3}, 1, 2, 3), out);
    byte[] bytes = out.toByteArray();
    String header = new String(bytes, 10, (bytes[8] & 0xff) + ((bytes[9] & 0xff) << 8), StandardCharsets.ISO_8859_1);
    assertEquals("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", header.strip());
  }

  @Test
  void readsVersion2Headers() throws IOException {
    byte[] file = npy(2, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 1), }", floats(0.25f, -4f));
    Tensor t = Npy.read(new ByteArrayInputStream(file));
    assertEquals(Tensor.ofFloats(new int[] {2, 1}, 0.25f, -4f), t);
  }

  @Test
  void rejectsFortranOrderAndUnsupportedTypes() {
    NpyFormatException fortran = assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(
        npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new byte[16]))));
    assertTrue(fortran.getMessage().contains("Fortran"), fortran.getMessage());
    NpyFormatException f8 = assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(
        npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", new byte[8]))));
    assertTrue(f8.getMessage().contains("unsupported dtype '<f8'"), f8.getMessage());
    NpyFormatException big = assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(
        npy(1, "{'descr': '>i4', 'fortran_order': False, 'shape': (1,), }", new byte[4]))));
    assertTrue(big.getMessage().contains("big-endian"), big.getMessage());
    NpyFormatException truncated = assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(
        npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", new byte[8]))));
    assertTrue(truncated.getMessage().contains("ends inside the data"), truncated.getMessage());
    assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(new byte[] {1, 2, 3})));
  }

  private static byte[] floats(float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : v) {
      b.putFloat(f);
    }
    return b.array();
  }

  private static byte[] npy(int major, String dict, byte[] data) {
    int prefix = major == 1 ? 10 : 12;
    String header = dict + " ".repeat((64 - (prefix + dict.length() + 1) % 64) % 64) + "\n";
    ByteBuffer b = ByteBuffer.allocate(prefix + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    if (major == 1) {
      b.putShort((short) header.length());
    } else {
      b.putInt(header.length());
    }
    b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
    assertArrayEquals(new byte[0], new byte[b.remaining()]);
    return b.array();
  }
}
