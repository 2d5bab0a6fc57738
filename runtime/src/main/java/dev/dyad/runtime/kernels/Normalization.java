package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Shapes;
import dev.dyad.runtime.tensor.Tensor;

/**
 * softmax and the normalisations (layer, RMS, inference batch norm) on f32 tensors. Statistics and
 * exponentials are computed in double; each output element is rounded to f32 once.
 */
public final class Normalization {
  private Normalization() {}

  /** {@code exp(x - max) / sum exp(x - max)} along one axis. */
  public static Tensor softmax(Tensor x, int axis) {
    x.requireType(DType.F32);
    int[] shape = x.shape();
    int ax = Shapes.axis(axis, shape.length);
    int len = shape[ax];
    int inner = 1;
    for (int i = ax + 1; i < shape.length; i++) {
      inner *= shape[i];
    }
    int outer = len == 0 || inner == 0 ? 0 : x.size() / (len * inner);
    float[] out = new float[x.size()];
    double[] e = new double[len];
    for (int o = 0; o < outer; o++) {
      for (int in = 0; in < inner; in++) {
        int base = o * len * inner + in;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < len; k++) {
          max = Math.max(max, x.floatAt(base + k * inner));
        }
        double sum = 0;
        for (int k = 0; k < len; k++) {
          e[k] = Math.exp(x.floatAt(base + k * inner) - max);
          sum += e[k];
        }
        for (int k = 0; k < len; k++) {
          out[base + k * inner] = (float) (e[k] / sum);
        }
      }
    }
    return Tensor.wrapFloats(shape, out);
  }

  /**
   * Normalises over the axes {@code axis..rank-1}: {@code (x - mean) / sqrt(var + epsilon) * scale + bias}
   * with the population variance; scale and bias (either may be null) broadcast to those axes.
   */
  public static Tensor layerNorm(Tensor x, int axis, double epsilon, Tensor scale, Tensor bias) {
    x.requireType(DType.F32);
    int[] shape = x.shape();
    int ax = Shapes.axis(axis, shape.length);
    int[] normShape = java.util.Arrays.copyOfRange(shape, ax, shape.length);
    int group = Shapes.size(normShape);
    double[][] stats = meanAndInvStd(x, group, epsilon, false);
    return affine(x, group, normShape, stats, scale, bias, "layer_norm");
  }

  /**
   * The mean and 1/sqrt(var + epsilon) of each group of {@code group} consecutive elements, as ONNX
   * LayerNormalization's optional outputs (in double).
   */
  public static double[][] meanAndInvStd(Tensor x, int group, double epsilon, boolean rmsOnly) {
    int groups = group == 0 ? 0 : x.size() / group;
    double[] mean = new double[groups];
    double[] invStd = new double[groups];
    for (int g = 0; g < groups; g++) {
      int base = g * group;
      double m = 0;
      if (!rmsOnly) {
        for (int i = 0; i < group; i++) {
          m += x.floatAt(base + i);
        }
        m /= group;
      }
      double v = 0;
      for (int i = 0; i < group; i++) {
        double d = x.floatAt(base + i) - m;
        v += d * d;
      }
      v /= group;
      mean[g] = m;
      invStd[g] = 1 / Math.sqrt(v + epsilon);
    }
    return new double[][] {mean, invStd};
  }

  /** {@code x / sqrt(mean(x^2) + epsilon) * scale} over the last axis; scale ([D]) may be null. */
  public static Tensor rmsNorm(Tensor x, double epsilon, Tensor scale) {
    x.requireType(DType.F32);
    if (x.rank() == 0) {
      throw new KernelException("rms_norm expects rank >= 1");
    }
    int[] normShape = {x.dim(-1)};
    double[][] stats = meanAndInvStd(x, normShape[0], epsilon, true);
    return affine(x, normShape[0], normShape, stats, scale, null, "rms_norm");
  }

  private static Tensor affine(Tensor x, int group, int[] normShape, double[][] stats, Tensor scale,
      Tensor bias, String op) {
    int[] scaleIndex = paramIndex(scale, normShape, op + " scale");
    int[] biasIndex = paramIndex(bias, normShape, op + " bias");
    float[] out = new float[x.size()];
    for (int i = 0; i < out.length; i++) {
      int g = i / group;
      int r = i % group;
      double v = (x.floatAt(i) - stats[0][g]) * stats[1][g];
      if (scale != null) {
        v *= scale.floatAt(scaleIndex[r]);
      }
      if (bias != null) {
        v += bias.floatAt(biasIndex[r]);
      }
      out[i] = (float) v;
    }
    return Tensor.wrapFloats(x.shape(), out);
  }

  /** For each position of the normalised axes, the flat index of the parameter broadcast onto it. */
  private static int[] paramIndex(Tensor p, int[] normShape, String what) {
    if (p == null) {
      return null;
    }
    p.requireType(DType.F32);
    int[] ps = p.shape();
    if (ps.length > normShape.length || !java.util.Arrays.equals(Shapes.broadcast(ps, normShape), normShape)) {
      throw new KernelException(what + " of shape " + Shapes.toString(ps) + " does not broadcast to "
          + Shapes.toString(normShape));
    }
    Broadcast bc = new Broadcast(normShape, ps);
    int[] self = new int[bc.size];
    int[] idx = new int[bc.size];
    bc.offsets(self, idx);
    return idx;
  }

  /**
   * Inference batch normalisation over axis 1 (channels) of [N, C, ...]:
   * {@code (x - mean) / sqrt(var + epsilon) * scale + bias}, all parameters of shape [C].
   */
  public static Tensor batchNorm(Tensor x, Tensor scale, Tensor bias, Tensor mean, Tensor var, double epsilon) {
    x.requireType(DType.F32);
    if (x.rank() < 2) {
      throw new KernelException("batch_norm expects rank >= 2, got " + Shapes.toString(x.shape()));
    }
    int c = x.dim(1);
    for (Tensor p : new Tensor[] {scale, bias, mean, var}) {
      p.requireType(DType.F32);
      if (p.rank() != 1 || p.dim(0) != c) {
        throw new KernelException("batch_norm parameters must have shape [" + c + "], got "
            + Shapes.toString(p.shape()));
      }
    }
    if (x.size() == 0) {
      return x;
    }
    int inner = x.size() / (x.dim(0) * c);
    float[] out = new float[x.size()];
    for (int i = 0; i < out.length; i++) {
      int ch = (i / inner) % c;
      double v = (x.floatAt(i) - (double) mean.floatAt(ch)) / Math.sqrt(var.floatAt(ch) + epsilon);
      out[i] = (float) (v * scale.floatAt(ch) + bias.floatAt(ch));
    }
    return Tensor.wrapFloats(x.shape(), out);
  }
}
