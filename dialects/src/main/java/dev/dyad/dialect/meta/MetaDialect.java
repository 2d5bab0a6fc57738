package dev.dyad.dialect.meta;

import dev.dyad.ir.Dialect;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.attr.Attribute;
import java.util.List;

/**
 * The {@code meta} dialect: the meta-operator program the CIM interpreter executes, functionally
 * and with timing (CIM-MLC's vocabulary plus CMSwitch's mode switches), and its
 * {@code #meta.place} attribute. See docs/dialects/meta.md.
 */
public final class MetaDialect implements Dialect {
  public static final String NAMESPACE = "meta";

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public List<OpDef> ops() {
    return MetaOps.all();
  }

  @Override
  public Attribute parseAttribute(String body) {
    if (PlaceAttr.isPlaceBody(body)) {
      return PlaceAttr.parse(body);
    }
    return null;
  }
}
