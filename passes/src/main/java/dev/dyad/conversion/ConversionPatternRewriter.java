package dev.dyad.conversion;

import dev.dyad.dialect.builtin.UnrealizedConversionCastOp;
import dev.dyad.ir.Block;
import dev.dyad.ir.BlockArgument;
import dev.dyad.ir.Context;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpOperand;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.ir.type.Type;
import dev.dyad.rewrite.PatternRewriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rewriter of a dialect conversion. Changes apply at once (there is no rollback): where a
 * replacement or a converted block argument has a new type, the remaining users reach it through
 * a cast back to the old type, and patterns see operands through those casts, cast to the types
 * their type converter asks for. The casts are reconciled when the conversion ends.
 */
public final class ConversionPatternRewriter extends PatternRewriter {
  /** Which way a bridging cast goes: back to an original type, or to a converted one. */
  private enum Kind { SOURCE, TARGET }

  /** A cast the conversion made, and who may replace it by a real materialization at the end. */
  private record Pending(Kind kind, TypeConverter converter) {}

  /** The casts the conversion made itself, which it may look through and clean up. */
  private final Map<Operation, Pending> materializations = new IdentityHashMap<>();
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

  boolean isMaterialization(Operation op) {
    return materializations.containsKey(op);
  }

  /**
   * The value a pattern should use for {@code v}: what the conversion replaced it with, converted
   * to {@code desired} (null: as it is) by a target materialization placed before {@code user}.
   */
  public Value getRemappedValue(Value v, Type desired, Operation user) {
    Value mapped = v;
    while (isBridge(mapped.getDefiningOp())) {
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
    Value cast = bridge(Kind.TARGET, typeConverter, user.getLoc(), desired, mapped);
    restoreInsertionPoint(saved);
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
      bridged.add(bridge(Kind.SOURCE, typeConverter, op.getLoc(), old, v));
      restoreInsertionPoint(saved);
    }
    super.replaceOp(op, bridged);
  }

  /** An unrealized cast of {@code input} to {@code type} at the insertion point, remembered. */
  private Value bridge(Kind kind, TypeConverter converter, Location loc, Type type, Value input) {
    Value cast = TypeConverter.unrealizedCast(this, loc, type, List.of(input));
    materializations.put(cast.getDefiningOp(), new Pending(kind, converter));
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
        Value cast = bridge(Kind.SOURCE, converter, arg.getLoc(), old, arg);
        restoreInsertionPoint(saved);
        for (OpOperand use : uses) {
          modifyInPlace(use.getOwner(), () -> use.set(cast));
        }
      }
    }
    return true;
  }

  private boolean isBridge(Operation op) {
    return op != null && materializations.containsKey(op);
  }

  /**
   * Ends the conversion's bridging: casts that ended up unused go, cast round trips fold away,
   * and the casts left are replaced by their type converter's materializations where it has one.
   */
  void reconcileMaterializations() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Operation cast : new ArrayList<>(materializations.keySet())) {
        if (cast.getBlock() == null) {
          materializations.remove(cast);
        } else if (cast.use_empty()) {
          materializations.remove(cast);
          eraseOp(cast);
          changed = true;
        } else if (isRoundTrip(cast)) {
          replaceAllUsesWith(cast.getResult(0), cast.getOperand(0).getDefiningOp().getOperand(0));
          changed = true;
        }
      }
    }
    for (Map.Entry<Operation, Pending> e : new ArrayList<>(materializations.entrySet())) {
      realize(e.getKey(), e.getValue());
    }
    materializations.clear();
  }

  /** {@code cast(cast(x : A -> B) : B -> A)}. */
  private static boolean isRoundTrip(Operation cast) {
    Operation input = cast.getOperand(0).getDefiningOp();
    return input != null && input.getNameString().equals(UnrealizedConversionCastOp.NAME)
        && input.getNumOperands() == 1 && input.getOperand(0).getType().equals(cast.getResult(0).getType());
  }

  private void realize(Operation cast, Pending pending) {
    if (pending.converter() == null) {
      return;
    }
    setInsertionPoint(cast);
    Type type = cast.getResult(0).getType();
    List<Value> inputs = List.of(cast.getOperand(0));
    Value real = pending.kind() == Kind.SOURCE
        ? pending.converter().materializeSourceConversion(this, cast.getLoc(), type, inputs)
        : pending.converter().materializeTargetConversion(this, cast.getLoc(), type, inputs);
    if (real != null) {
      replaceOp(cast, List.of(real));
    }
  }
}
