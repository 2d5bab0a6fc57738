package dev.dyad.runtime.cim;

import dev.dyad.dialect.meta.PlaceAttr;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.runtime.tensor.Tensor;

/**
 * A value as the chip holds it: where it is, how many bits it takes, until which op it is needed,
 * and (in full runs) its tensor. A segment's result is the datum its {@code meta.yield} yields.
 */
final class Datum {
  private final PlaceAttr place;
  private final RankedTensorType type;
  private final long bits;
  private final int lastUse;
  private final Tensor tensor;
  private String lost;
  private byte[] i8;
  private float[] f32;

  Datum(PlaceAttr place, RankedTensorType type, long bits, int lastUse, Tensor tensor) {
    this.place = place;
    this.type = type;
    this.bits = bits;
    this.lastUse = lastUse;
    this.tensor = tensor;
  }

  PlaceAttr place() {
    return place;
  }

  RankedTensorType type() {
    return type;
  }

  long bits() {
    return bits;
  }

  /** The index of the last op that uses the value (the defining op's when it is unused). */
  int lastUse() {
    return lastUse;
  }

  /** The data; null in a timing-only run. */
  Tensor tensor() {
    return tensor;
  }

  /** Why the data is gone (an array holding it switched mode), or null. */
  String lost() {
    return lost;
  }

  void markLost(String why) {
    if (lost == null) {
      lost = why;
    }
  }

  /** The i8 elements, copied out of the tensor once however many MVMs read them. */
  byte[] i8() {
    if (i8 == null) {
      i8 = tensor.toI8Array();
    }
    return i8;
  }

  float[] f32() {
    if (f32 == null) {
      f32 = tensor.toFloatArray();
    }
    return f32;
  }
}
