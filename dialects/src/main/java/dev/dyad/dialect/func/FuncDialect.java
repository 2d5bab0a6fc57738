package dev.dyad.dialect.func;

import dev.dyad.ir.Dialect;
import dev.dyad.ir.OpDef;
import java.util.List;

/** MLIR's {@code func} dialect: functions, returns and direct calls. */
public final class FuncDialect implements Dialect {
  public static final String NAMESPACE = "func";

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public List<OpDef> ops() {
    return List.of(CallOp.DEFINITION, FuncOp.DEFINITION, ReturnOp.DEFINITION);
  }
}
