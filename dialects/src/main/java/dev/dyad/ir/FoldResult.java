package dev.dyad.ir;

import dev.dyad.ir.attr.Attribute;
import java.util.List;

/**
 * What a fold hook did (MLIR's {@code LogicalResult} plus {@code OpFoldResult}s): nothing, an
 * in-place update of the op (operands or properties changed, results still valid), or one
 * replacement per result.
 */
public record FoldResult(Status status, List<OpFoldResult> results) {
  public enum Status { FAILED, IN_PLACE, REPLACED }

  private static final FoldResult FAILURE = new FoldResult(Status.FAILED, List.of());
  private static final FoldResult IN_PLACE = new FoldResult(Status.IN_PLACE, List.of());

  public FoldResult {
    results = List.copyOf(results);
    if ((status == Status.REPLACED) == results.isEmpty()) {
      throw new IllegalArgumentException("only a replacement carries results");
    }
  }

  public static FoldResult failure() {
    return FAILURE;
  }

  public static FoldResult inPlace() {
    return IN_PLACE;
  }

  public static FoldResult replaced(List<OpFoldResult> results) {
    return new FoldResult(Status.REPLACED, results);
  }

  /** The single result of a one-result op replaced by {@code value}. */
  public static FoldResult of(Value value) {
    return replaced(List.of(OpFoldResult.of(value)));
  }

  /** The single result of a one-result op replaced by the constant {@code attribute}. */
  public static FoldResult of(Attribute attribute) {
    return replaced(List.of(OpFoldResult.of(attribute)));
  }

  /** A single-result fold: {@code value} if non-null, else failure (MLIR's null OpFoldResult). */
  public static FoldResult ofNullable(Value value) {
    return value == null ? FAILURE : of(value);
  }

  /** A single-result fold: {@code attribute} if non-null, else failure. */
  public static FoldResult ofNullable(Attribute attribute) {
    return attribute == null ? FAILURE : of(attribute);
  }

  public boolean failed() {
    return status == Status.FAILED;
  }

  public boolean succeeded() {
    return status != Status.FAILED;
  }

  public boolean isInPlace() {
    return status == Status.IN_PLACE;
  }
}
