package dev.dyad.dialect.cim;

import dev.dyad.ir.Dialect;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.attr.Attribute;
import java.util.List;

/**
 * The {@code cim} dialect: the CIM abstraction between {@code nn} and {@code meta} (matrix
 * products on arrays, vector-unit work, convolution layouts, segments), its {@code #cim.alloc}
 * attribute and the {@code #cim.arch} hardware description. See docs/dialects/cim.md.
 */
public final class CimDialect implements Dialect {
  public static final String NAMESPACE = "cim";

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public List<OpDef> ops() {
    return CimOps.all();
  }

  @Override
  public Attribute parseAttribute(String body) {
    if (ArchAttr.isArchBody(body)) {
      return ArchAttr.parse(body);
    }
    if (AllocAttr.isAllocBody(body)) {
      return AllocAttr.parse(body);
    }
    return null;
  }
}
