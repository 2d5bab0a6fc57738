package dev.dyad.nntocim;

import dev.dyad.dialect.cim.Col2ImOp;
import dev.dyad.dialect.cim.ConvWindow;
import dev.dyad.dialect.cim.Im2ColOp;
import dev.dyad.dialect.cim.MmmOp;
import dev.dyad.dialect.cim.VectorOp;
import dev.dyad.dialect.nn.ConstantOp;
import dev.dyad.ir.Block;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.runtime.reference.InterpreterException;
import dev.dyad.runtime.reference.NnInterpreter;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A functional evaluator of cim programs for tests (no chip, no timing): {@code cim.mmm} as the
 * integer (or f32) product with zero points, {@code cim.im2col} and {@code cim.col2im} by the
 * layouts of docs/dialects/cim.md, {@code cim.vector} and {@code nn.constant} by the nn reference
 * interpreter's per-op entry point.
 */
final class CimEvaluator {
  private final NnInterpreter nn;

  CimEvaluator(Path weightsDir) {
    this.nn = new NnInterpreter(weightsDir);
  }

  /** Runs {@code func} (one block of cim ops, nn constants and func.return) on {@code inputs}. */
  List<Tensor> run(Operation func, List<Tensor> inputs) throws InterpreterException {
    Block body = func.getRegion(0).front();
    Map<Value, Tensor> env = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      env.put(body.getArgument(i), inputs.get(i));
    }
    for (Operation op : body.getOperations()) {
      List<Tensor> operands = new ArrayList<>();
      for (Value v : op.getOperands()) {
        operands.add(env.get(v));
      }
      if (op.getNameString().equals("func.return")) {
        return operands;
      }
      List<Tensor> results = switch (op.getNameString()) {
        case ConstantOp.NAME -> nn.evaluate(ConstantOp.NAME, op.getPropertiesDictionary(), operands,
            op.getResultTypes());
        case VectorOp.NAME -> nn.evaluate(new VectorOp(op).kind(), new VectorOp(op).params(), operands,
            op.getResultTypes());
        case MmmOp.NAME -> List.of(mmm(new MmmOp(op), operands.get(0), operands.get(1)));
        case Im2ColOp.NAME -> List.of(im2col(new Im2ColOp(op).window(), operands.get(0)));
        case Col2ImOp.NAME -> List.of(col2im(new Col2ImOp(op).shape(), operands));
        default -> throw new InterpreterException(op.getLoc(), "the cim evaluator cannot run '"
            + op.getNameString() + "'");
      };
      for (int i = 0; i < results.size(); i++) {
        env.put(op.getResult(i), results.get(i));
      }
    }
    throw new InterpreterException(func.getLoc(), "function body has no 'func.return'");
  }

  /** {@code Σ_k (x[m, k] − zx)·(w[k, n] − zw)}: wrapping i32 for i8, f32 summed in k order. */
  static Tensor mmm(MmmOp op, Tensor x, Tensor w) {
    int m = x.dim(0);
    int k = x.dim(1);
    int n = w.dim(1);
    if (x.dtype() == DType.F32) {
      float[] out = new float[m * n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          float acc = 0;
          for (int r = 0; r < k; r++) {
            acc += x.floatAt(i * k + r) * w.floatAt(r * n + j);
          }
          out[i * n + j] = acc;
        }
      }
      return Tensor.wrapFloats(new int[] {m, n}, out);
    }
    int zx = (int) op.inputZeroPoint();
    int zw = (int) op.weightZeroPoint();
    int[] out = new int[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        int acc = 0;
        for (int r = 0; r < k; r++) {
          acc += (x.i8At(i * k + r) - zx) * (w.i8At(r * n + j) - zw);
        }
        out[i * n + j] = acc;
      }
    }
    return Tensor.wrapInts(new int[] {m, n}, out);
  }

  /** rows[((n·OH)+oh)·OW+ow, ((c·KH)+kh)·KW+kw] = x[n, c0+c, oh·sH−top+kh·dH, ow·sW−left+kw·dW]. */
  static Tensor im2col(ConvWindow w, Tensor x) {
    int n = x.dim(0);
    int c = x.dim(1);
    int h = x.dim(2);
    int wd = x.dim(3);
    int oh = (int) w.outputHeight(h);
    int ow = (int) w.outputWidth(wd);
    int cg = c / (int) w.group();
    int c0 = (int) w.groupIndex() * cg;
    int kh = (int) w.kernelH();
    int kw = (int) w.kernelW();
    int cols = cg * kh * kw;
    int[] source = new int[n * oh * ow * cols];
    int at = 0;
    for (int b = 0; b < n; b++) {
      for (int y = 0; y < oh; y++) {
        for (int xx = 0; xx < ow; xx++) {
          for (int ch = 0; ch < cg; ch++) {
            for (int i = 0; i < kh; i++) {
              for (int j = 0; j < kw; j++) {
                long row = y * w.strideH() - w.padTop() + i * w.dilationH();
                long col = xx * w.strideW() - w.padLeft() + j * w.dilationW();
                boolean inside = row >= 0 && row < h && col >= 0 && col < wd;
                source[at++] = inside ? (int) (((b * c + c0 + ch) * (long) h + row) * wd + col) : -1;
              }
            }
          }
        }
      }
    }
    return gather(x, source, w.padValue(), new int[] {n * oh * ow, cols});
  }

  /** y[n, c, oh, ow] = group k's rows[((n·OH)+oh)·OW+ow, c − (channels of the groups before k)]. */
  static Tensor col2im(long[] shape, List<Tensor> groups) {
    int n = (int) shape[0];
    int c = (int) shape[1];
    int oh = (int) shape[2];
    int ow = (int) shape[3];
    DType dtype = groups.get(0).dtype();
    Object out = Tensor.newArray(dtype, n * c * oh * ow);
    int channel = 0;
    for (Tensor g : groups) {
      int cols = g.dim(1);
      for (int b = 0; b < n; b++) {
        for (int j = 0; j < cols; j++) {
          for (int y = 0; y < oh; y++) {
            for (int xx = 0; xx < ow; xx++) {
              int row = (b * oh + y) * ow + xx;
              int to = ((b * c + channel + j) * oh + y) * ow + xx;
              copy(g, row * cols + j, out, to);
            }
          }
        }
      }
      channel += cols;
    }
    return Tensor.wrap(dtype, new int[] {n, c, oh, ow}, out);
  }

  /** out[i] = x's element source[i], or {@code pad} where source[i] is −1. */
  private static Tensor gather(Tensor x, int[] source, long pad, int[] shape) {
    Object out = Tensor.newArray(x.dtype(), source.length);
    for (int i = 0; i < source.length; i++) {
      if (source[i] >= 0) {
        copy(x, source[i], out, i);
      } else {
        switch (x.dtype()) {
          case F32 -> ((float[]) out)[i] = pad;
          case I8 -> ((byte[]) out)[i] = (byte) pad;
          case I32 -> ((int[]) out)[i] = (int) pad;
          default -> throw new IllegalArgumentException("im2col of " + x.dtype());
        }
      }
    }
    return Tensor.wrap(x.dtype(), shape, out);
  }

  private static void copy(Tensor from, int at, Object to, int i) {
    switch (from.dtype()) {
      case F32 -> ((float[]) to)[i] = from.floatAt(at);
      case I8 -> ((byte[]) to)[i] = from.i8At(at);
      case I32 -> ((int[]) to)[i] = from.intAt(at);
      default -> throw new IllegalArgumentException("layout of " + from.dtype());
    }
  }
}
