package dev.dyad.alloc;

import dev.dyad.arch.HardwareDescription;

/**
 * One operator the arrays compute, as the allocators see it: an M×K by K×N matrix product (M input
 * vectors of K activations against K×N weights). Convolutions arrive here already unrolled.
 *
 * @param name for diagnostics and reports (usually the op's location or source op)
 * @param m input vectors (rows of the activation matrix)
 * @param k reduction length (weight rows)
 * @param n outputs per vector (weight columns)
 */
public record CimOperator(String name, long m, long k, long n) {
  public CimOperator {
    if (m <= 0 || k <= 0 || n <= 0) {
      throw new IllegalArgumentException("matrix dimensions must be positive: " + m + "x" + k + "x" + n);
    }
  }

  /** Array rows the weights span: ⌈K / rows⌉. */
  public long rowTiles(HardwareDescription arch) {
    return ceilDiv(k, arch.rows());
  }

  /** Array column blocks the weights span: ⌈N / weights per row⌉. */
  public long colTiles(HardwareDescription arch) {
    return ceilDiv(n, arch.weightCols());
  }

  /** The fewest arrays that hold all weights once (CMSwitch's tiles_i). */
  public long tiles(HardwareDescription arch) {
    return rowTiles(arch) * colTiles(arch);
  }

  /** Multiply-accumulates: M·K·N. */
  public long macs() {
    return m * k * n;
  }

  static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
