package dev.dyad.conversion;

import dev.dyad.dialect.builtin.UnrealizedConversionCastOp;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps the types a conversion meets to the types it must produce (MLIR's {@code TypeConverter},
 * one type to one). Conversions are tried most recent first; a conversion returns null when it
 * does not handle a type. Materializations build the value of one type from values of another
 * where converted and unconverted IR meet. A conversion first bridges with {@code
 * builtin.unrealized_conversion_cast}s and, at its end, asks the materializations (most recent
 * first) to replace the casts still in use; casts none of them handles stay, for a later
 * conversion to resolve.
 */
public class TypeConverter {
  /** Converts a type, or returns null when it does not handle it. */
  @FunctionalInterface
  public interface Conversion {
    Type convert(Type type);
  }

  /** Builds a value of {@code type} from {@code inputs} at the builder's insertion point, or null. */
  @FunctionalInterface
  public interface Materialization {
    Value materialize(Builder builder, Type type, List<Value> inputs, Location loc);
  }

  private final List<Conversion> conversions = new ArrayList<>();
  private final List<Materialization> sourceMaterializations = new ArrayList<>();
  private final List<Materialization> targetMaterializations = new ArrayList<>();
  private final Map<Type, Type> cache = new HashMap<>();

  public TypeConverter addConversion(Conversion conversion) {
    conversions.add(conversion);
    cache.clear();
    return this;
  }

  /** A conversion of the types of class {@code kind} only. */
  public <T extends Type> TypeConverter addConversion(Class<T> kind, Function<T, Type> conversion) {
    return addConversion(t -> kind.isInstance(t) ? conversion.apply(kind.cast(t)) : null);
  }

  /** Keeps every type as it is (add it first, then the conversions that override it). */
  public TypeConverter addIdentityConversion() {
    return addConversion(t -> t);
  }

  /** How to turn converted values back into their original type, for users not converted yet. */
  public TypeConverter addSourceMaterialization(Materialization m) {
    sourceMaterializations.add(m);
    return this;
  }

  /** How to turn values into the converted type a pattern expects for its operands. */
  public TypeConverter addTargetMaterialization(Materialization m) {
    targetMaterializations.add(m);
    return this;
  }

  /** The converted type, or null when no conversion handles {@code type}. */
  public Type convertType(Type type) {
    Type cached = cache.get(type);
    if (cached != null) {
      return cached;
    }
    for (int i = conversions.size() - 1; i >= 0; i--) {
      Type converted = conversions.get(i).convert(type);
      if (converted != null) {
        cache.put(type, converted);
        return converted;
      }
    }
    return null;
  }

  /** The converted types, or null if one of them cannot be converted. */
  public List<Type> convertTypes(List<Type> types) {
    List<Type> out = new ArrayList<>(types.size());
    for (Type t : types) {
      Type c = convertType(t);
      if (c == null) {
        return null;
      }
      out.add(c);
    }
    return out;
  }

  /** Whether {@code type} converts to itself. */
  public boolean isLegal(Type type) {
    return type.equals(convertType(type));
  }

  /** Whether all operand and result types of {@code op} are legal. */
  public boolean isLegal(Operation op) {
    return op.getOperandTypes().stream().allMatch(this::isLegal)
        && op.getResultTypes().stream().allMatch(this::isLegal);
  }

  public boolean isSignatureLegal(FunctionType type) {
    return type.inputs().stream().allMatch(this::isLegal) && type.results().stream().allMatch(this::isLegal);
  }

  /** A value of the original {@code type} made from converted {@code inputs}, or null. */
  public Value materializeSourceConversion(Builder b, Location loc, Type type, List<Value> inputs) {
    return materialize(sourceMaterializations, b, loc, type, inputs);
  }

  /** A value of the converted {@code type} made from {@code inputs}, or null. */
  public Value materializeTargetConversion(Builder b, Location loc, Type type, List<Value> inputs) {
    return materialize(targetMaterializations, b, loc, type, inputs);
  }

  private static Value materialize(List<Materialization> ms, Builder b, Location loc, Type type, List<Value> inputs) {
    for (int i = ms.size() - 1; i >= 0; i--) {
      Value v = ms.get(i).materialize(b, type, inputs, loc);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** The default materialization: {@code builtin.unrealized_conversion_cast}. */
  public static Value unrealizedCast(Builder b, Location loc, Type type, List<Value> inputs) {
    Operation cast = UnrealizedConversionCastOp.create(b.getContext(), loc, inputs, List.of(type)).op();
    return b.insert(cast).getResult(0);
  }
}
