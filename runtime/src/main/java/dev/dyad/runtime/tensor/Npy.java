package dev.dyad.runtime.tensor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes numpy {@code .npy} files: format versions 1.0 and 2.0 (3.0 is read too), C order,
 * little-endian {@code <f4}, {@code |i1}, {@code <i4}, {@code <i8} and {@code |b1}. Writes version 1.0 unless
 * the header needs 2.0.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
  private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  public static Tensor read(Path path) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return read(in);
    } catch (NpyFormatException e) {
      throw new NpyFormatException(path + ": " + e.getMessage());
    }
  }

  public static Tensor read(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
    byte[] magic = new byte[MAGIC.length];
    readFully(in, magic, "magic string");
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new NpyFormatException("not a .npy file (bad magic string)");
    }
    int major = in.readUnsignedByte();
    int minor = in.readUnsignedByte();
    long headerLength;
    byte[] lengthBytes = new byte[major == 1 ? 2 : 4];
    if (major < 1 || major > 3) {
      throw new NpyFormatException("unsupported .npy format version " + major + "." + minor);
    }
    readFully(in, lengthBytes, "header length");
    ByteBuffer lb = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
    headerLength = major == 1 ? Short.toUnsignedInt(lb.getShort()) : Integer.toUnsignedLong(lb.getInt());
    if (headerLength > 1 << 20) {
      throw new NpyFormatException("header of " + headerLength + " bytes is implausibly long");
    }
    byte[] headerBytes = new byte[(int) headerLength];
    readFully(in, headerBytes, "header");
    String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

    String descr = field(DESCR, header, "descr");
    if ("True".equals(field(FORTRAN, header, "fortran_order"))) {
      throw new NpyFormatException("Fortran-order arrays are not supported (save with np.ascontiguousarray)");
    }
    DType dtype = dtypeOf(descr);
    int[] shape = parseShape(field(SHAPE, header, "shape"));
    int n = Shapes.size(shape);
    byte[] raw = new byte[Math.multiplyExact(n, dtype.byteSize())];
    readFully(in, raw, "data (" + n + " elements of " + descr + ")");
    ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    Object data = Tensor.newArray(dtype, n);
    switch (dtype) {
      case F32 -> buf.asFloatBuffer().get((float[]) data);
      case I32 -> buf.asIntBuffer().get((int[]) data);
      case I64 -> buf.asLongBuffer().get((long[]) data);
      case I8 -> System.arraycopy(raw, 0, data, 0, n);
      case BOOL -> {
        for (int i = 0; i < n; i++) {
          if (raw[i] != 0 && raw[i] != 1) {
            throw new NpyFormatException("bool element " + i + " is neither 0 nor 1");
          }
        }
        System.arraycopy(raw, 0, data, 0, n);
      }
    }
    return Tensor.wrap(dtype, shape, data);
  }

  public static void write(Tensor t, Path path) throws IOException {
    try (OutputStream out = Files.newOutputStream(path)) {
      write(t, out);
    }
  }

  public static void write(Tensor t, OutputStream stream) throws IOException {
    StringBuilder dict = new StringBuilder("{'descr': '").append(descrOf(t.dtype()))
        .append("', 'fortran_order': False, 'shape': (");
    int[] shape = t.shape();
    for (int i = 0; i < shape.length; i++) {
      dict.append(shape[i]).append(i == 0 && shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
    }
    dict.append("), }");
    // The whole preamble is padded with spaces to a multiple of 64 bytes and ends in a newline.
    int major = (dict.length() + 1 + 10 + 63) / 64 * 64 - 10 <= 0xFFFF ? 1 : 2;
    int prefix = MAGIC.length + 2 + (major == 1 ? 2 : 4);
    int total = prefix + dict.length() + 1;
    int padded = (total + 63) / 64 * 64;
    dict.append(" ".repeat(padded - total)).append('\n');
    byte[] header = dict.toString().getBytes(StandardCharsets.ISO_8859_1);

    OutputStream out = new BufferedOutputStream(stream);
    out.write(MAGIC);
    out.write(major);
    out.write(0);
    ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    if (major == 1) {
      len.putShort((short) header.length);
    } else {
      len.putInt(header.length);
    }
    out.write(len.array());
    out.write(header);
    int n = t.size();
    ByteBuffer buf = ByteBuffer.allocate(n * t.dtype().byteSize()).order(ByteOrder.LITTLE_ENDIAN);
    Object data = t.copyData();
    switch (t.dtype()) {
      case F32 -> buf.asFloatBuffer().put((float[]) data);
      case I32 -> buf.asIntBuffer().put((int[]) data);
      case I64 -> buf.asLongBuffer().put((long[]) data);
      case I8, BOOL -> buf.put((byte[]) data);
    }
    out.write(buf.array());
    out.flush();
  }

  private static DType dtypeOf(String descr) throws NpyFormatException {
    return switch (descr) {
      case "<f4" -> DType.F32;
      case "|i1", "<i1", "i1" -> DType.I8;
      case "<i4" -> DType.I32;
      case "<i8" -> DType.I64;
      case "|b1", "<b1", "b1" -> DType.BOOL;
      default -> {
        if (descr.startsWith(">")) {
          throw new NpyFormatException("big-endian dtype '" + descr + "' is not supported");
        }
        throw new NpyFormatException("unsupported dtype '" + descr + "' (supported: <f4, |i1, <i4, <i8, |b1)");
      }
    };
  }

  private static String descrOf(DType dtype) {
    return switch (dtype) {
      case F32 -> "<f4";
      case I8 -> "|i1";
      case I32 -> "<i4";
      case I64 -> "<i8";
      case BOOL -> "|b1";
    };
  }

  private static String field(Pattern p, String header, String name) throws NpyFormatException {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new NpyFormatException("header has no valid '" + name + "' entry: " + header.strip());
    }
    return m.group(1);
  }

  private static int[] parseShape(String text) throws NpyFormatException {
    String[] parts = text.split(",");
    int count = 0;
    int[] dims = new int[parts.length];
    for (String p : parts) {
      String s = p.strip();
      if (s.endsWith("L")) {
        s = s.substring(0, s.length() - 1);
      }
      if (s.isEmpty()) {
        continue;
      }
      try {
        dims[count++] = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new NpyFormatException("bad dimension '" + s + "' in shape (" + text + ")");
      }
      if (dims[count - 1] < 0) {
        throw new NpyFormatException("negative dimension in shape (" + text + ")");
      }
    }
    return java.util.Arrays.copyOf(dims, count);
  }

  private static void readFully(DataInputStream in, byte[] b, String what) throws IOException {
    try {
      in.readFully(b);
    } catch (EOFException e) {
      throw new NpyFormatException("file ends inside the " + what);
    }
  }
}
