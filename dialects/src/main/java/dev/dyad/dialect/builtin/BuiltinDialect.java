package dev.dyad.dialect.builtin;

import dev.dyad.ir.Dialect;
import dev.dyad.ir.OpDef;
import java.util.List;

/** MLIR's {@code builtin} dialect: the module and the unrealized conversion cast. */
public final class BuiltinDialect implements Dialect {
  public static final String NAMESPACE = "builtin";

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public List<OpDef> ops() {
    return List.of(ModuleOp.DEFINITION, UnrealizedConversionCastOp.DEFINITION);
  }
}
