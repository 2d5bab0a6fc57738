package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Shapes;
import dev.dyad.runtime.tensor.Tensor;

/**
 * Rotary position embedding in the LLaMA / Hugging Face convention: x is [B, H, S, D] (D even), the pairs
 * are (i, i + D/2) for i < D/2, position p = positionOffset + s rotates pair i by p * theta^(-2i/D).
 * Angles, sines and cosines are computed in double; each output is rounded to f32 once.
 */
public final class Rotary {
  /** The usual base. */
  public static final double DEFAULT_THETA = 10000;

  private Rotary() {}

  public static Tensor rotaryEmbedding(Tensor x, double theta, int positionOffset) {
    x.requireType(DType.F32);
    if (x.rank() != 4 || x.dim(3) % 2 != 0) {
      throw new KernelException("rotary embedding expects [B, H, S, D] with even D, got "
          + Shapes.toString(x.shape()));
    }
    int seq = x.dim(2);
    int d = x.dim(3);
    int half = d / 2;
    double[] cos = new double[seq * half];
    double[] sin = new double[seq * half];
    for (int s = 0; s < seq; s++) {
      for (int i = 0; i < half; i++) {
        double angle = (double) (positionOffset + s) * Math.pow(theta, -2.0 * i / d);
        cos[s * half + i] = Math.cos(angle);
        sin[s * half + i] = Math.sin(angle);
      }
    }
    float[] out = new float[x.size()];
    int rows = x.size() / Math.max(d, 1);
    for (int r = 0; r < rows; r++) {
      int s = r % seq;
      int base = r * d;
      for (int i = 0; i < half; i++) {
        double a = x.floatAt(base + i);
        double b = x.floatAt(base + i + half);
        double c = cos[s * half + i];
        double sn = sin[s * half + i];
        out[base + i] = (float) (a * c - b * sn);
        out[base + i + half] = (float) (b * c + a * sn);
      }
    }
    return Tensor.wrapFloats(x.shape(), out);
  }
}
