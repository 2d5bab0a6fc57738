package dev.dyad.dialect.nn;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.InvalidAttributeException;
import dev.dyad.ir.attr.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code #nn.view<#nn.random<42>, [8, 3, 3, 3], reshape [8, 27], transpose [1, 0]>}: the value of
 * an {@code nn.constant} obtained from a file or generator value ({@link WeightsAttr},
 * {@link RandomAttr}) of shape {@code baseShape} and the constant's element type by data-layout
 * steps, so that lowerings can rearrange weights of any size without materialising them.
 * Interpreters read the base value and apply the steps with the nn ops' semantics.
 */
public record ViewAttr(Attribute base, List<Long> baseShape, List<ViewStep> steps) implements Attribute {
  static final String KEYWORD = "view";

  /** @throws IllegalArgumentException when the base is not a file or generator value or a step does not fit */
  public ViewAttr {
    Objects.requireNonNull(base);
    baseShape = List.copyOf(baseShape);
    steps = List.copyOf(steps);
    if (!(base instanceof WeightsAttr || base instanceof RandomAttr)) {
      throw new IllegalArgumentException("the base of a view must be #nn.weights or #nn.random, but is " + base);
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a view needs at least one step (without any it is its base)");
    }
    for (long d : baseShape) {
      if (d < 0) {
        throw new IllegalArgumentException("the base shape must not have negative sizes, but is "
            + ViewStep.list(baseShape));
      }
    }
    List<Long> shape = baseShape;
    for (ViewStep s : steps) {
      shape = s.resultShape(shape);
    }
  }

  /** The shape of the value after every step: the constant's shape. */
  public List<Long> shape() {
    List<Long> shape = baseShape;
    for (ViewStep s : steps) {
      shape = s.resultShape(shape);
    }
    return shape;
  }

  /** This view followed by {@code step}. */
  public ViewAttr then(ViewStep step) {
    List<ViewStep> more = new ArrayList<>(steps);
    more.add(step);
    return new ViewAttr(base, baseShape, more);
  }

  @Override
  public void print(AsmPrinter p) {
    StringBuilder b = new StringBuilder(KEYWORD).append('<').append(AsmPrinter.toString(base)).append(", ")
        .append(ViewStep.list(baseShape));
    for (ViewStep s : steps) {
      b.append(", ").append(s.keyword()).append(' ').append(s.arguments());
    }
    p.printDialectSymbol('#', NnDialect.NAMESPACE, b.append('>').toString());
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }

  // ---- parsing ----------------------------------------------------------------------------------

  /**
   * Parses the body {@code view<BASE, [sizes], step, ...>}.
   *
   * @throws InvalidAttributeException when it is malformed
   */
  static ViewAttr parse(String body) {
    String inner = AttrBodies.inner(body, KEYWORD, "#nn.weights or #nn.random, [sizes], steps");
    Cursor c = new Cursor(inner);
    Attribute base = c.base();
    c.expect(',', "after the base value");
    List<Long> shape = c.ints("the base shape");
    List<ViewStep> steps = new ArrayList<>();
    while (!c.atEnd()) {
      c.expect(',', "between steps");
      steps.add(c.step());
    }
    try {
      return new ViewAttr(base, shape, steps);
    } catch (IllegalArgumentException e) {
      throw AttrBodies.invalid(KEYWORD, e.getMessage());
    }
  }

  /** Reads the parts of a view body left to right. */
  private static final class Cursor {
    private final String text;
    private int pos;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      skipSpaces();
      return pos == text.length();
    }

    Attribute base() {
      skipSpaces();
      String prefix = "#" + NnDialect.NAMESPACE + ".";
      if (!text.startsWith(prefix, pos)) {
        throw AttrBodies.invalid(KEYWORD, "expected the base value (#nn.weights<...> or #nn.random<...>)");
      }
      int start = pos + prefix.length();
      int end = matchingAngle(start);
      String baseBody = text.substring(start, end);
      pos = end;
      if (AttrBodies.names(baseBody, WeightsAttr.KEYWORD)) {
        return WeightsAttr.parse(baseBody);
      }
      if (AttrBodies.names(baseBody, RandomAttr.KEYWORD)) {
        return RandomAttr.parse(baseBody);
      }
      throw AttrBodies.invalid(KEYWORD, "the base value must be #nn.weights or #nn.random, but is '#nn."
          + baseBody + "'");
    }

    /** The index just after the '>' closing the first '<' at or after {@code from} (strings skipped). */
    private int matchingAngle(int from) {
      int depth = 0;
      boolean inString = false;
      for (int i = from; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (inString) {
          if (ch == '\\') {
            i++;
          } else if (ch == '"') {
            inString = false;
          }
        } else if (ch == '"') {
          inString = true;
        } else if (ch == '<') {
          depth++;
        } else if (ch == '>' && --depth == 0) {
          return i + 1;
        } else if (depth == 0 && (ch == ',' || Character.isWhitespace(ch))) {
          return i;
        }
      }
      throw AttrBodies.invalid(KEYWORD, "the base value is not closed by '>'");
    }

    ViewStep step() {
      skipSpaces();
      int start = pos;
      while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
        pos++;
      }
      String keyword = text.substring(start, pos);
      return switch (keyword) {
        case "reshape" -> new ViewStep.Reshape(ints("the reshape sizes"));
        case "transpose" -> new ViewStep.Transpose(ints("the permutation"));
        case "slice" -> new ViewStep.Slice(ints("the slice starts"), ints("the slice ends"));
        case "pad" -> new ViewStep.Pad(ints("the pad amounts"), integer("the pad value"));
        default -> throw AttrBodies.invalid(KEYWORD, "unknown step '" + keyword
            + "' (expected reshape, transpose, slice or pad)");
      };
    }

    List<Long> ints(String what) {
      expect('[', "to start " + what);
      List<Long> values = new ArrayList<>();
      skipSpaces();
      if (peek() == ']') {
        pos++;
        return values;
      }
      while (true) {
        values.add(integer(what));
        skipSpaces();
        if (peek() == ']') {
          pos++;
          return values;
        }
        expect(',', "or ']' in " + what);
      }
    }

    long integer(String what) {
      skipSpaces();
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      Long v = AttrBodies.parseLong(text.substring(start, pos));
      if (v == null) {
        throw AttrBodies.invalid(KEYWORD, "expected an integer in " + what + " " + here());
      }
      return v;
    }

    void expect(char ch, String where) {
      skipSpaces();
      if (peek() != ch) {
        throw AttrBodies.invalid(KEYWORD, "expected '" + ch + "' " + where + " " + here());
      }
      pos++;
    }

    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private String here() {
      return pos < text.length() ? "at '" + text.substring(pos) + "'" : "at the end";
    }

    private void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }
  }
}
