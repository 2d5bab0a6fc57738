package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Shapes;
import dev.dyad.runtime.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Reproducible random constants. The generator is {@code java.util.SplittableRandom(seed)} (SplitMix64, whose
 * output sequence the JDK specifies), consumed one call per element in row-major order:
 * f32 {@code (nextInt() >>> 8) * 2^-23 - 1}, uniform over the 2^24 multiples of 2^-23 in [-1, 1);
 * i8 the top byte of {@code nextInt()}, uniform over [-128, 127]; i32 {@code nextInt()}; i64
 * {@code nextLong()}; bool the top bit of {@code nextInt()}.
 */
public final class RandomInit {
  private RandomInit() {}

  public static Tensor uniform(DType dtype, int[] shape, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int n = Shapes.size(shape);
    Object data = Tensor.newArray(dtype, n);
    for (int i = 0; i < n; i++) {
      switch (dtype) {
        case F32 -> ((float[]) data)[i] = (rng.nextInt() >>> 8) * 0x1.0p-23f - 1f;
        case I8 -> ((byte[]) data)[i] = (byte) (rng.nextInt() >> 24);
        case I32 -> ((int[]) data)[i] = rng.nextInt();
        case I64 -> ((long[]) data)[i] = rng.nextLong();
        case BOOL -> ((byte[]) data)[i] = (byte) (rng.nextInt() >>> 31);
        default -> throw new KernelException("no random initialiser for " + dtype);
      }
    }
    return Tensor.wrap(dtype, shape, data);
  }
}
