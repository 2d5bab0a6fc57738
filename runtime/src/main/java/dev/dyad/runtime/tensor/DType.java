package dev.dyad.runtime.tensor;

/** Element types of runtime tensors: those of the {@code nn} dialect, plus bool for {@code .npy} masks. */
public enum DType {
  F32("f32", 4),
  I8("i8", 1),
  I32("i32", 4),
  I64("i64", 8),
  /** Stored one byte per element, 0 or 1. */
  BOOL("i1", 1);

  private final String irName;
  private final int byteSize;

  DType(String irName, int byteSize) {
    this.irName = irName;
    this.byteSize = byteSize;
  }

  /** The element type's spelling in the IR ({@code f32}, {@code i8}, ...). */
  public String irName() {
    return irName;
  }

  public int byteSize() {
    return byteSize;
  }

  public boolean isInteger() {
    return this == I8 || this == I32 || this == I64;
  }

  @Override
  public String toString() {
    return irName;
  }
}
