package dev.dyad.runtime.kernels;

import dev.dyad.runtime.tensor.Shapes;

/**
 * Walks the elements of a numpy-broadcast binary operation in row-major order of the result, giving each
 * step's flat offsets into both operands.
 */
final class Broadcast {
  final int[] shape;
  final int size;
  private final int[] strideA;
  private final int[] strideB;
  private final boolean same;

  Broadcast(int[] a, int[] b) {
    shape = Shapes.broadcast(a, b);
    size = Shapes.size(shape);
    strideA = Shapes.broadcastStrides(a, shape);
    strideB = Shapes.broadcastStrides(b, shape);
    same = java.util.Arrays.equals(a, b);
  }

  /** Fills {@code offA[i]}, {@code offB[i]} with the operand offsets of result element {@code i}. */
  void offsets(int[] offA, int[] offB) {
    if (same) {
      for (int i = 0; i < size; i++) {
        offA[i] = i;
        offB[i] = i;
      }
      return;
    }
    int rank = shape.length;
    int[] index = new int[rank];
    int a = 0;
    int b = 0;
    for (int i = 0; i < size; i++) {
      offA[i] = a;
      offB[i] = b;
      for (int d = rank - 1; d >= 0; d--) {
        index[d]++;
        a += strideA[d];
        b += strideB[d];
        if (index[d] < shape[d]) {
          break;
        }
        a -= strideA[d] * shape[d];
        b -= strideB[d] * shape[d];
        index[d] = 0;
      }
    }
  }
}
