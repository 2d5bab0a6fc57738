package dev.dyad.ir.type;

import dev.dyad.ir.AsmPrinter;
import java.util.HashMap;
import java.util.Map;

/** The builtin floating-point types, identified by their MLIR keyword. */
public record FloatType(Kind kind) implements Type {

  /** A floating-point format: keyword, storage width, and significand precision (with the hidden bit). */
  public enum Kind {
    F16("f16", 16, 11), BF16("bf16", 16, 8), F32("f32", 32, 24), F64("f64", 64, 53),
    F80("f80", 80, 64), F128("f128", 128, 113), TF32("tf32", 19, 11),
    F8E5M2("f8E5M2", 8, 3), F8E4M3("f8E4M3", 8, 4), F8E4M3FN("f8E4M3FN", 8, 4),
    F8E5M2FNUZ("f8E5M2FNUZ", 8, 3), F8E4M3FNUZ("f8E4M3FNUZ", 8, 4), F8E4M3B11FNUZ("f8E4M3B11FNUZ", 8, 4),
    F8E3M4("f8E3M4", 8, 5), F8E8M0FNU("f8E8M0FNU", 8, 1), F6E2M3FN("f6E2M3FN", 6, 4),
    F6E3M2FN("f6E3M2FN", 6, 3), F4E2M1FN("f4E2M1FN", 4, 2);

    private static final Map<String, Kind> BY_KEYWORD = new HashMap<>();

    static {
      for (Kind k : values()) {
        BY_KEYWORD.put(k.keyword, k);
      }
    }

    public final String keyword;
    public final int width;
    public final int precision;

    Kind(String keyword, int width, int precision) {
      this.keyword = keyword;
      this.width = width;
      this.precision = precision;
    }

    /** The kind spelled {@code keyword}, or null. */
    public static Kind byKeyword(String keyword) {
      return BY_KEYWORD.get(keyword);
    }
  }

  public static final FloatType F16 = new FloatType(Kind.F16);
  public static final FloatType BF16 = new FloatType(Kind.BF16);
  public static final FloatType F32 = new FloatType(Kind.F32);
  public static final FloatType F64 = new FloatType(Kind.F64);

  public int width() {
    return kind.width;
  }

  @Override
  public void print(AsmPrinter p) {
    p.append(kind.keyword);
  }
}
