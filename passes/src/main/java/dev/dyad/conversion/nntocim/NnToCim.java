package dev.dyad.conversion.nntocim;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.conversion.ConversionTarget;
import dev.dyad.conversion.DialectConversion;
import dev.dyad.dialect.cim.CimDialect;
import dev.dyad.dialect.func.FuncDialect;
import dev.dyad.dialect.nn.BatchMatmulOp;
import dev.dyad.dialect.nn.ConstantOp;
import dev.dyad.dialect.nn.MatmulOp;
import dev.dyad.dialect.nn.NnDialect;
import dev.dyad.ir.Context;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.rewrite.PatternSet;

/**
 * The nn-to-cim conversion of one function, usable without a pass manager: products with
 * constant weights onto the arrays (im2col/mmm/col2im, split to fit the chip), products of two
 * activations as the {@code attention} option says, everything else onto the vector unit,
 * checked by a conversion target (cim and func legal, nn illegal except {@code nn.constant}).
 */
public final class NnToCim {
  private final Lowering lowering;

  public NnToCim(HardwareDescription arch, NnToCimPass.GroupedConv groupedConv) {
    this(arch, groupedConv, NnToCimPass.Attention.AUTO);
  }

  public NnToCim(HardwareDescription arch, NnToCimPass.GroupedConv groupedConv, NnToCimPass.Attention attention) {
    this.lowering = new Lowering(arch, groupedConv, attention);
  }

  /** What the target accepts after the conversion. */
  public static ConversionTarget target() {
    return new ConversionTarget()
        .addLegalDialect(CimDialect.NAMESPACE, FuncDialect.NAMESPACE)
        .addIllegalDialect(NnDialect.NAMESPACE)
        .addLegalOp(ConstantOp.NAME);
  }

  /**
   * Converts the nn ops under {@code func}; false after the conversion reported an op it could not
   * legalize (the IR is then partly converted). Weight constants that were rearranged into new
   * ones and have no use left are erased.
   */
  public boolean convert(Context ctx, Operation func) {
    PatternSet patterns = new PatternSet()
        .add(new ConvLowering(lowering), new LinearLowering(lowering),
            new MatmulLowering(MatmulOp.NAME, lowering), new MatmulLowering(BatchMatmulOp.NAME, lowering));
    for (OpDef def : new NnDialect().ops()) {
      if (!def.name().equals(ConstantOp.NAME)) {
        patterns.add(new VectorLowering(def.name(), lowering));
      }
    }
    if (!DialectConversion.applyPartialConversion(ctx, func, target(), patterns)) {
      return false;
    }
    for (Operation c : lowering.replacedConstants) {
      if (c.getBlock() != null && c.use_empty()) {
        c.erase();
      }
    }
    lowering.replacedConstants.clear();
    return true;
  }

  /** {@code cim.mmm} ops created so far. */
  public long products() {
    return lowering.products;
  }

  /** Products split into several {@code cim.mmm} ops because they did not fit the chip. */
  public long splitOperators() {
    return lowering.splitOperators;
  }

  /** {@code cim.mmm} ops with {@code runtime_weights} (products of two activations) created so far. */
  public long runtimeProducts() {
    return lowering.runtimeProducts;
  }

  /** {@code cim.vector} ops created so far. */
  public long vectorOps() {
    return lowering.vectorOps;
  }

  /** Convolution groups that share a product with other groups (packed). */
  public long packedGroups() {
    return lowering.packedGroups;
  }
}
