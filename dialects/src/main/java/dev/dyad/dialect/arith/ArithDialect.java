package dev.dyad.dialect.arith;

import dev.dyad.ir.Builder;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.type.Type;
import java.util.List;

/**
 * A subset of MLIR's {@code arith} dialect, with MLIR's names, properties, verifiers and folders.
 * Other {@code arith} ops are accepted as unregistered ops, so MLIR's arith text still reads.
 */
public final class ArithDialect implements Dialect {
  public static final String NAMESPACE = "arith";

  @Override
  public String namespace() {
    return NAMESPACE;
  }

  @Override
  public List<OpDef> ops() {
    return List.of(AddFOp.DEFINITION, AddIOp.DEFINITION, CmpFOp.DEFINITION, CmpIOp.DEFINITION,
        ConstantOp.DEFINITION, DivFOp.DEFINITION, DivSIOp.DEFINITION, ExtUIOp.DEFINITION, IndexCastOp.DEFINITION,
        MulFOp.DEFINITION, MulIOp.DEFINITION, SelectOp.DEFINITION, SubFOp.DEFINITION, SubIOp.DEFINITION,
        XOrIOp.DEFINITION);
  }

  /** An {@code arith.constant} when the value can be one (MLIR's {@code ConstantOp::materialize}). */
  @Override
  public Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) {
    return ConstantOp.isBuildableWith(value, type) ? ConstantOp.create(builder, loc, value).op() : null;
  }

  @Override
  public Attribute parseAttribute(String body) {
    if (body.startsWith("overflow")) {
      return IntegerOverflowFlagsAttr.parse(body);
    }
    if (body.startsWith("fastmath")) {
      return FastMathFlagsAttr.parse(body);
    }
    return null;
  }

  @Override
  public boolean allowsUnknownOperations() {
    return true;
  }
}
