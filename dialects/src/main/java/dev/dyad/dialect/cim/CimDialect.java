package dev.dyad.dialect.cim;

import dev.dyad.ir.Dialect;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.attr.Attribute;
import java.util.List;

/** The {@code cim} dialect: CIM arrays and their modes. For now only its {@code #cim.arch} attribute. */
public final class CimDialect implements Dialect {
  public static final String NAMESPACE = "cim";

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public List<OpDef> ops() {
    return List.of();
  }

  @Override
  public Attribute parseAttribute(String body) {
    if (ArchAttr.isArchBody(body)) {
      return ArchAttr.parse(body);
    }
    return null;
  }
}
