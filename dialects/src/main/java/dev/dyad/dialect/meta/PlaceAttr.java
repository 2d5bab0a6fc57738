package dev.dyad.dialect.meta;

import dev.dyad.dialect.cim.BodyScanner;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.InvalidAttributeException;
import dev.dyad.ir.attr.Attribute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code #meta.place<external>}, {@code #meta.place<buffer>} or
 * {@code #meta.place<arrays = [3, 4]>}: where a tensor lives — external memory, the chip's own
 * buffer, or memory-mode arrays (the data spread evenly over them).
 *
 * @param arrays the array ids, in the order written, for {@link Kind#ARRAYS}; empty otherwise
 */
public record PlaceAttr(Kind kind, List<Long> arrays) implements Attribute {
  public static final String MNEMONIC = "place";
  private static final String WHAT = "#meta.place";

  /** The three kinds of place. */
  public enum Kind {
    EXTERNAL("external"),
    BUFFER("buffer"),
    ARRAYS("arrays");

    private final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }

    public String spelling() {
      return spelling;
    }
  }

  public static final PlaceAttr EXTERNAL = new PlaceAttr(Kind.EXTERNAL, List.of());
  public static final PlaceAttr BUFFER = new PlaceAttr(Kind.BUFFER, List.of());

  /** @throws IllegalArgumentException when the ids do not fit the kind (see {@link #problem}) */
  public PlaceAttr {
    arrays = List.copyOf(arrays);
    String problem = problem(kind, arrays);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Memory-mode arrays {@code ids}. */
  public static PlaceAttr ofArrays(long... ids) {
    List<Long> list = new ArrayList<>();
    for (long id : ids) {
      list.add(id);
    }
    return new PlaceAttr(Kind.ARRAYS, list);
  }

  public boolean isExternal() {
    return kind == Kind.EXTERNAL;
  }

  public boolean isBuffer() {
    return kind == Kind.BUFFER;
  }

  public boolean isArrays() {
    return kind == Kind.ARRAYS;
  }

  /** Whether the place is on the chip (the buffer or arrays). */
  public boolean isOnChip() {
    return kind != Kind.EXTERNAL;
  }

  /** Why {@code ids} cannot be the arrays of a {@code kind} place, or null. */
  static String problem(Kind kind, List<Long> ids) {
    if (kind != Kind.ARRAYS) {
      return ids.isEmpty() ? null : "'" + kind.spelling + "' takes no arrays";
    }
    if (ids.isEmpty()) {
      return "'arrays' must list at least one array";
    }
    Set<Long> seen = new HashSet<>();
    for (long id : ids) {
      if (id < 0) {
        return "array ids must not be negative, but one is " + id;
      }
      if (!seen.add(id)) {
        return "array " + id + " is listed twice";
      }
    }
    return null;
  }

  /** Whether {@code body} (the text after {@code #meta.}) is meant to be a place attribute. */
  static boolean isPlaceBody(String body) {
    if (!body.startsWith(MNEMONIC)) {
      return false;
    }
    String rest = body.substring(MNEMONIC.length());
    return rest.isEmpty() || rest.charAt(0) == '<' || Character.isWhitespace(rest.charAt(0));
  }

  /**
   * The attribute of the body {@code place<external>}, {@code place<buffer>} or
   * {@code place<arrays = [i, ...]>}.
   *
   * @throws InvalidAttributeException when it is malformed
   */
  public static PlaceAttr parse(String body) {
    BodyScanner s = new BodyScanner(body.substring(MNEMONIC.length()), WHAT);
    s.expect('<', "after 'place'");
    String word = s.identifier("'external', 'buffer' or 'arrays'");
    PlaceAttr place;
    switch (word) {
      case "external" -> place = EXTERNAL;
      case "buffer" -> place = BUFFER;
      case "arrays" -> {
        s.expect('=', "after 'arrays'");
        List<Long> ids = s.integerList("the array list");
        String problem = problem(Kind.ARRAYS, ids);
        if (problem != null) {
          throw s.error(problem);
        }
        place = new PlaceAttr(Kind.ARRAYS, ids);
      }
      default -> throw s.error("unknown place '" + word + "' (expected 'external', 'buffer' or 'arrays')");
    }
    s.expect('>', "to end the body");
    s.expectEnd("after the body");
    return place;
  }

  /** The body between the angle brackets. */
  public String body() {
    if (kind != Kind.ARRAYS) {
      return kind.spelling;
    }
    StringBuilder sb = new StringBuilder("arrays = [");
    for (int i = 0; i < arrays.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(arrays.get(i));
    }
    return sb.append(']').toString();
  }

  @Override
  public void print(AsmPrinter p) {
    p.printDialectSymbol('#', MetaDialect.NAMESPACE, MNEMONIC + "<" + body() + ">");
  }

  @Override
  public String toString() {
    return AsmPrinter.toString(this);
  }
}
