package dev.dyad.conversion;

import dev.dyad.dialect.builtin.UnrealizedConversionCastOp;
import dev.dyad.ir.Block;
import dev.dyad.ir.BlockArgument;
import dev.dyad.ir.Context;
import dev.dyad.ir.OpOperand;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.ir.type.Type;
import dev.dyad.rewrite.PatternRewriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The rewriter of a dialect conversion. Changes apply at once (there is no rollback): where a
 * replacement or a converted block argument has a new type, the remaining users get a source
 * materialization of the old type, and patterns see operands through those materializations,
 * converted to the types their type converter asks for.
 */
public final class ConversionPatternRewriter extends PatternRewriter {
  /** The casts the conversion made itself, which it may look through and clean up. */
  private final Set<Operation> materializations = Collections.newSetFromMap(new IdentityHashMap<>());
  private TypeConverter typeConverter;

  ConversionPatternRewriter(Context context) {
    super(context);
  }

  /** The type converter of the pattern being applied (null for plain patterns). */
  public TypeConverter getTypeConverter() {
    return typeConverter;
  }

  void setTypeConverter(TypeConverter tc) {
    this.typeConverter = tc;
  }

  Set<Operation> materializations() {
    return materializations;
  }

  /**
   * The value a pattern should use for {@code v}: what the conversion replaced it with, converted
   * to {@code desired} (null: as it is) by a target materialization placed before {@code user}.
   */
  public Value getRemappedValue(Value v, Type desired, Operation user) {
    Value mapped = v;
    while (isMaterialization(mapped.getDefiningOp())) {
      mapped = mapped.getDefiningOp().getOperand(0);
    }
    if (desired == null || mapped.getType().equals(desired)) {
      return mapped;
    }
    if (v.getType().equals(desired)) {
      return v;
    }
    InsertPoint saved = saveInsertionPoint();
    setInsertionPoint(user);
    TypeConverter tc = typeConverter != null ? typeConverter : new TypeConverter();
    Value cast = tc.materializeTargetConversion(this, user.getLoc(), desired, List.of(mapped));
    restoreInsertionPoint(saved);
    trackMaterialization(cast);
    return cast;
  }

  /** The operands of {@code op} as its conversion pattern sees them. */
  public List<Value> getRemappedOperands(Operation op) {
    List<Value> out = new ArrayList<>(op.getNumOperands());
    for (Value v : op.getOperands()) {
      Type desired = typeConverter == null ? null : typeConverter.convertType(v.getType());
      out.add(getRemappedValue(v, desired, op));
    }
    return out;
  }

  /**
   * Replaces the results of {@code op}; a replacement of another type reaches the remaining
   * users through a source materialization back to the result's type.
   */
  @Override
  public void replaceOp(Operation op, List<? extends Value> values) {
    if (values.size() != op.getNumResults()) {
      throw new IllegalArgumentException("'" + op.getNameString() + "' has " + op.getNumResults()
          + " results, got " + values.size() + " replacements");
    }
    List<Value> bridged = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Value v = values.get(i);
      Type old = op.getResult(i).getType();
      if (v.getType().equals(old) || op.getResult(i).useEmpty()) {
        bridged.add(v);
        continue;
      }
      InsertPoint saved = saveInsertionPoint();
      setInsertionPoint(op);
      bridged.add(materializeSource(v, old, op));
      restoreInsertionPoint(saved);
    }
    super.replaceOp(op, bridged);
  }

  private Value materializeSource(Value v, Type old, Operation at) {
    TypeConverter tc = typeConverter != null ? typeConverter : new TypeConverter();
    Value cast = tc.materializeSourceConversion(this, at.getLoc(), old, List.of(v));
    trackMaterialization(cast);
    return cast;
  }

  /**
   * Converts the argument types of the blocks of {@code region} with {@code converter}; uses of a
   * converted argument go through a source materialization at the start of its block. Returns
   * false (changing nothing) when a type cannot be converted.
   */
  public boolean convertRegionTypes(Region region, TypeConverter converter) {
    for (Block b : region.getBlocks()) {
      if (converter.convertTypes(b.getArgumentTypes()) == null) {
        return false;
      }
    }
    for (Block b : region.getBlocks()) {
      for (BlockArgument arg : b.getArguments()) {
        Type old = arg.getType();
        Type converted = converter.convertType(old);
        if (converted.equals(old)) {
          continue;
        }
        List<OpOperand> uses = new ArrayList<>();
        arg.getUses().forEach(uses::add);
        setArgumentType(arg, converted);
        if (uses.isEmpty()) {
          continue;
        }
        InsertPoint saved = saveInsertionPoint();
        setInsertionPointToStart(b);
        Value cast = converter.materializeSourceConversion(this, arg.getLoc(), old, List.of(arg));
        restoreInsertionPoint(saved);
        trackMaterialization(cast);
        for (OpOperand use : uses) {
          modifyInPlace(use.getOwner(), () -> use.set(cast));
        }
      }
    }
    return true;
  }

  private void trackMaterialization(Value cast) {
    Operation def = cast.getDefiningOp();
    if (def != null && def.getNameString().equals(UnrealizedConversionCastOp.NAME)) {
      materializations.add(def);
    }
  }

  private boolean isMaterialization(Operation op) {
    return op != null && materializations.contains(op) && op.getNumOperands() == 1;
  }

  /** Erases the conversion's casts that ended up unused, and folds cast round trips. */
  void reconcileMaterializations() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Operation cast : new ArrayList<>(materializations)) {
        if (cast.getBlock() == null) {
          materializations.remove(cast);
          continue;
        }
        if (cast.use_empty()) {
          materializations.remove(cast);
          eraseOp(cast);
          changed = true;
          continue;
        }
        Operation input = cast.getOperand(0).getDefiningOp();
        boolean roundTrip = input != null && input.getNameString().equals(UnrealizedConversionCastOp.NAME)
            && input.getNumOperands() == 1 && input.getOperand(0).getType().equals(cast.getResult(0).getType());
        if (roundTrip) {
          replaceAllUsesWith(cast.getResult(0), input.getOperand(0));
          changed = true;
        }
      }
    }
  }
}
