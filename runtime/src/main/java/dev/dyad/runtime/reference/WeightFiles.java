package dev.dyad.runtime.reference;

import dev.dyad.dialect.nn.WeightsAttr;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Shapes;
import dev.dyad.runtime.tensor.Tensor;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads {@code #nn.weights<"file", offset>} constants: raw little-endian elements of the result type. */
final class WeightFiles {
  private final Path dir;

  WeightFiles(Path dir) {
    this.dir = dir;
  }

  Tensor read(WeightsAttr ref, DType dtype, int[] shape) throws IOException {
    Path file = dir == null ? Path.of(ref.file()) : dir.resolve(ref.file());
    long count = Shapes.size(shape);
    ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(count * dtype.byteSize())).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long pos = ref.offset();
      while (buf.hasRemaining()) {
        int n = ch.read(buf, pos);
        if (n < 0) {
          throw new EOFException("file " + file + " ends before offset " + ref.offset() + " + "
              + buf.capacity() + " bytes");
        }
        pos += n;
      }
    }
    buf.flip();
    int n = (int) count;
    return switch (dtype) {
      case F32 -> {
        float[] v = new float[n];
        buf.asFloatBuffer().get(v);
        yield Tensor.wrapFloats(shape, v);
      }
      case I8, BOOL -> {
        byte[] v = new byte[n];
        buf.get(v);
        yield Tensor.wrap(dtype, shape, v);
      }
      case I32 -> {
        int[] v = new int[n];
        buf.asIntBuffer().get(v);
        yield Tensor.wrapInts(shape, v);
      }
      case I64 -> {
        long[] v = new long[n];
        buf.asLongBuffer().get(v);
        yield Tensor.wrapLongs(shape, v);
      }
    };
  }
}
