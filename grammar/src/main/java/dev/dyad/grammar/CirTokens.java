package dev.dyad.grammar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decoding of the few {@link CirLexer} tokens whose text carries structure: the dimension list
 * fused into shaped-type openers, dialect symbols with verbatim bodies, and string literals.
 */
public final class CirTokens {

  /** Marker of a dynamic dimension ({@code ?}), like MLIR's {@code ShapedType::kDynamic}. */
  public static final long DYNAMIC = Long.MIN_VALUE;

  private CirTokens() {}

  /**
   * The shape carried by a TENSOR_OPEN, MEMREF_OPEN, VECTOR_OPEN, UNRANKED_TENSOR_OPEN or
   * UNRANKED_MEMREF_OPEN token.
   *
   * @param dims the dimensions, {@link #DYNAMIC} for {@code ?}; empty for rank 0 and unranked
   * @param scalable per dimension, whether it was written {@code [n]} (vectors only)
   * @param unranked whether the shape was {@code *x}
   */
  public record Shape(long[] dims, boolean[] scalable, boolean unranked) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Shape s && unranked == s.unranked && Arrays.equals(dims, s.dims)
          && Arrays.equals(scalable, s.scalable);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(dims) + Arrays.hashCode(scalable) + (unranked ? 1 : 0);
    }

    @Override
    public String toString() {
      if (unranked) {
        return "*x";
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < dims.length; i++) {
        String d = dims[i] == DYNAMIC ? "?" : Long.toString(dims[i]);
        sb.append(scalable[i] ? "[" + d + "]" : d).append('x');
      }
      return sb.toString();
    }
  }

  /**
   * Decodes the shape of a shaped-type opener token text such as {@code "tensor<2x?x"},
   * {@code "vector<4x[8]x"}, {@code "memref<*x"} or {@code "tensor<"}. Whitespace and
   * {@code //} comments inside the token are skipped.
   *
   * @throws NumberFormatException if a dimension does not fit in a long
   */
  public static Shape shape(String openerText) {
    int n = openerText.length();
    int i = skipTrivia(openerText, 0);
    while (openerText.charAt(i) != '<') {
      i = skipTrivia(openerText, i + 1);
    }
    i++;
    long[] dims = new long[4];
    boolean[] scalable = new boolean[4];
    int rank = 0;
    boolean unranked = false;
    boolean inBracket = false;
    while (i < n) {
      char c = openerText.charAt(i);
      if (c >= '0' && c <= '9') {
        int start = i;
        while (i < n && openerText.charAt(i) >= '0' && openerText.charAt(i) <= '9') {
          i++;
        }
        if (rank == dims.length) {
          dims = Arrays.copyOf(dims, rank * 2);
          scalable = Arrays.copyOf(scalable, rank * 2);
        }
        dims[rank] = Long.parseLong(openerText, start, i, 10);
        scalable[rank++] = inBracket;
        continue;
      }
      switch (c) {
        case '?' -> {
          if (rank == dims.length) {
            dims = Arrays.copyOf(dims, rank * 2);
            scalable = Arrays.copyOf(scalable, rank * 2);
          }
          dims[rank++] = DYNAMIC;
        }
        case '*' -> unranked = true;
        case '[' -> inBracket = true;
        case ']' -> inBracket = false;
        case '/' -> {
          i = skipTrivia(openerText, i);
          continue;
        }
        default -> { } // 'x' separators and whitespace
      }
      i++;
    }
    return new Shape(Arrays.copyOf(dims, rank), Arrays.copyOf(scalable, rank), unranked);
  }

  /** Skips a {@code //} comment starting at {@code i}, if any; returns the next index. */
  private static int skipTrivia(String text, int i) {
    if (i + 1 < text.length() && text.charAt(i) == '/' && text.charAt(i + 1) == '/') {
      while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        i++;
      }
    }
    return i;
  }

  /**
   * A dialect type or attribute token ({@code DIALECT_TYPE_ID}, {@code DIALECT_TYPE_BODY},
   * {@code DIALECT_ATTR_ID}, {@code DIALECT_ATTR_BODY}) split the way MLIR splits it.
   *
   * @param sigil {@code '!'} or {@code '#'}
   * @param dialect the dialect namespace (text before the first {@code .})
   * @param name the symbol name after the first {@code .} (pretty form), or null for the
   *     opaque form {@code !d<...>}
   * @param body the verbatim text between the outer {@code <} and {@code >}, or null if the
   *     symbol has no body
   * @param text the verbatim token text
   */
  public record DialectSymbol(char sigil, String dialect, String name, String body, String text) {

    /** Whether this is the pretty form {@code !d.name...} rather than {@code !d<...>}. */
    public boolean isPretty() {
      return name != null;
    }

    /**
     * The symbol data MLIR hands to the dialect: for the pretty form the name followed by the
     * body with its brackets ({@code "bar<x>"}), for the opaque form the body only.
     */
    public String symbolData() {
      String bracketed = body == null ? "" : "<" + body + ">";
      return name != null ? name + bracketed : (body == null ? "" : body);
    }
  }

  /** Splits a dialect type/attribute token text such as {@code "!llvm.ptr<1>"}. */
  public static DialectSymbol dialectSymbol(String tokenText) {
    char sigil = tokenText.charAt(0);
    int lt = tokenText.indexOf('<');
    String identifier = lt < 0 ? tokenText.substring(1) : tokenText.substring(1, lt);
    String body = lt < 0 ? null : tokenText.substring(lt + 1, tokenText.length() - 1);
    int dot = identifier.indexOf('.');
    String dialect = dot < 0 ? identifier : identifier.substring(0, dot);
    String name = dot < 0 ? null : identifier.substring(dot + 1);
    return new DialectSymbol(sigil, dialect, name, body, tokenText);
  }

  /**
   * The bytes of a STRING token (with its quotes), with MLIR's escapes {@code \" \\ \n \t} and
   * {@code \XX} (two hex digits) resolved. Non-escaped characters are encoded as UTF-8.
   */
  public static byte[] stringBytes(String tokenText) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(tokenText.length());
    int end = tokenText.length() - 1;
    int i = 1;
    int runStart = i;
    while (i < end) {
      char c = tokenText.charAt(i);
      if (c != '\\') {
        i++;
        continue;
      }
      byte[] run = tokenText.substring(runStart, i).getBytes(StandardCharsets.UTF_8);
      out.write(run, 0, run.length);
      char e = tokenText.charAt(i + 1);
      switch (e) {
        case '"', '\\' -> {
          out.write(e);
          i += 2;
        }
        case 'n' -> {
          out.write('\n');
          i += 2;
        }
        case 't' -> {
          out.write('\t');
          i += 2;
        }
        default -> {
          out.write(Integer.parseInt(tokenText, i + 1, i + 3, 16));
          i += 3;
        }
      }
      runStart = i;
    }
    byte[] run = tokenText.substring(runStart, end).getBytes(StandardCharsets.UTF_8);
    out.write(run, 0, run.length);
    return out.toByteArray();
  }

  /** The value of a STRING token as text ({@link #stringBytes} decoded as UTF-8). */
  public static String stringValue(String tokenText) {
    if (tokenText.indexOf('\\') < 0) {
      return tokenText.substring(1, tokenText.length() - 1);
    }
    return new String(stringBytes(tokenText), StandardCharsets.UTF_8);
  }
}
