package dev.dyad.runtime.tensor;

import java.io.IOException;

/** A {@code .npy} file that is malformed or uses a feature Dyad does not read (Fortran order, other dtypes). */
public class NpyFormatException extends IOException {
  public NpyFormatException(String message) {
    super(message);
  }
}
