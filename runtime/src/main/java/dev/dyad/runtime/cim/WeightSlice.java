package dev.dyad.runtime.cim;

import dev.dyad.ir.Value;

/**
 * The weights one compute-mode array holds: rows {@code [rowOffset, rowOffset + rows)} and
 * columns {@code [colOffset, colOffset + cols)} of one weight constant, as one
 * {@code meta.write_weights} wrote them.
 *
 * @param weight the constant's value (compared by identity)
 * @param packed the slice packed for the MVM kernel; null in a timing-only run
 */
public record WeightSlice(Value weight, long rowOffset, long rows, long colOffset, long cols, PackedWeights packed) {
  /** Whether {@code other} is the same slice of the same constant. */
  public boolean sameSlice(WeightSlice other) {
    return other != null && weight == other.weight && rowOffset == other.rowOffset && rows == other.rows
        && colOffset == other.colOffset && cols == other.cols;
  }

  /** {@code rows [0, 16) x cols [0, 4)}. */
  public String describe() {
    return "rows [" + rowOffset + ", " + (rowOffset + rows) + ") x cols [" + colOffset + ", " + (colOffset + cols)
        + ")";
  }
}
