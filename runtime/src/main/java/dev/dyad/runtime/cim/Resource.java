package dev.dyad.runtime.cim;

/**
 * One resource of the timing model (docs/dialects/meta.md, "Timing"): the external link, the bus,
 * the vector unit, the switch controller, an array, or (eq2 weight model) the weight port of one
 * weight constant. Ordered units first, then arrays by id, then weight ports.
 *
 * @param index the array id or the weight port's number; 0 for the units
 * @param label the weight constant's name for a weight port (e.g. {@code %w}); empty otherwise
 */
public record Resource(Kind kind, int index, String label) implements Comparable<Resource> {
  /** The kinds of resource, in report order. */
  public enum Kind {
    EXTERNAL_LINK("external link"),
    BUS("bus"),
    VECTOR_UNIT("vector unit"),
    SWITCH_CONTROLLER("switch controller"),
    ARRAY("array"),
    WEIGHT_PORT("weight port");

    private final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }

    public String spelling() {
      return spelling;
    }
  }

  public static final Resource EXTERNAL_LINK = new Resource(Kind.EXTERNAL_LINK, 0, "");
  public static final Resource BUS = new Resource(Kind.BUS, 0, "");
  public static final Resource VECTOR_UNIT = new Resource(Kind.VECTOR_UNIT, 0, "");
  public static final Resource SWITCH_CONTROLLER = new Resource(Kind.SWITCH_CONTROLLER, 0, "");

  public static Resource array(int id) {
    return new Resource(Kind.ARRAY, id, "");
  }

  public static Resource weightPort(int index, String label) {
    return new Resource(Kind.WEIGHT_PORT, index, label);
  }

  /** {@code bus}, {@code array 3}, {@code weight port %w}. */
  public String describe() {
    return switch (kind) {
      case ARRAY -> "array " + index;
      case WEIGHT_PORT -> "weight port " + label;
      default -> kind.spelling();
    };
  }

  @Override
  public int compareTo(Resource o) {
    int c = kind.compareTo(o.kind);
    return c != 0 ? c : Integer.compare(index, o.index);
  }

  @Override
  public String toString() {
    return describe();
  }
}
