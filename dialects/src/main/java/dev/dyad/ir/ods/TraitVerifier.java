package dev.dyad.ir.ods;

import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Block;
import dev.dyad.ir.DiagnosticEmitter;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpDef;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Region;
import dev.dyad.ir.SymbolTable;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checks behind the core traits, with MLIR's messages (OpDefinition.h, SymbolTable.cpp). */
public final class TraitVerifier {
  private static final List<String> VISIBILITIES = List.of("public", "private", "nested");

  private TraitVerifier() {}

  /** MLIR verifies "structural" traits before an op's declared constraints. */
  public static boolean isStructural(Trait t) {
    if (t instanceof CheckedTrait c) {
      return c.structural();
    }
    return t instanceof Trait.HasParent
        || t == Trait.TERMINATOR
        || t == Trait.SINGLE_BLOCK
        || t == Trait.NO_TERMINATOR
        || t == Trait.ISOLATED_FROM_ABOVE
        || t == Trait.NO_REGION_ARGUMENTS;
  }

  /** Checks trait {@code t} of {@code op}, which {@code def} defines. */
  public static void verify(OpDefinition def, Trait t, Operation op, DiagnosticEmitter emitter) {
    if (t instanceof CheckedTrait c) {
      c.verify(op, emitter);
    } else if (t instanceof Trait.HasParent p) {
      verifyHasParent(p, op, emitter);
    } else if (t == Trait.TERMINATOR) {
      verifyTerminator(op, emitter);
    } else if (t == Trait.SINGLE_BLOCK) {
      verifySingleBlock(op, emitter);
    } else if (t == Trait.NO_REGION_ARGUMENTS) {
      verifyNoRegionArguments(op, emitter);
    } else if (t == Trait.ZERO_OPERANDS && op.getNumOperands() != 0) {
      emitter.emitOpError(op, "requires zero operands");
    } else if (t == Trait.SAME_OPERANDS_AND_RESULT_TYPE) {
      verifySameOperandsAndResultType(op, emitter);
    } else if (t == Trait.SYMBOL) {
      verifySymbol(def, op, emitter);
    }
  }

  /** The checks MLIR runs after the nested ops verified (its {@code verifyRegionTrait}s). */
  public static void verifyRegions(Trait t, Operation op, DiagnosticEmitter emitter) {
    if (t instanceof CheckedTrait c) {
      c.verifyRegions(op, emitter);
    } else if (t == Trait.ISOLATED_FROM_ABOVE) {
      verifyIsolatedFromAbove(op, emitter);
    } else if (t == Trait.SYMBOL_TABLE) {
      verifySymbolTable(op, emitter);
    }
  }

  // ---- structural -------------------------------------------------------------------------

  private static void verifyHasParent(Trait.HasParent p, Operation op, DiagnosticEmitter emitter) {
    Operation parent = op.getParentOp();
    if (parent != null && parent.isRegistered() && p.parents().contains(parent.getNameString())) {
      return;
    }
    String which = p.parents().size() != 1 ? "to be one of '" : "'";
    emitter.emitOpError(op, "expects parent op " + which + String.join(", ", p.parents()) + "'");
  }

  private static void verifyTerminator(Operation op, DiagnosticEmitter emitter) {
    Block block = op.getBlock();
    if (block == null || block.back() != op) {
      emitter.emitOpError(op, "must be the last operation in the parent block");
    }
  }

  private static void verifySingleBlock(Operation op, DiagnosticEmitter emitter) {
    for (int i = 0; i < op.getNumRegions(); i++) {
      Region region = op.getRegion(i);
      if (region.isEmpty()) {
        continue;
      }
      if (region.getBlocks().size() != 1) {
        emitter.emitOpError(op, "expects region #" + i + " to have 0 or 1 blocks");
        return;
      }
      if (!op.hasTrait(Trait.NO_TERMINATOR) && region.front().isEmpty()) {
        emitter.emitOpError(op, "expects a non-empty block");
        return;
      }
    }
  }

  private static void verifyNoRegionArguments(Operation op, DiagnosticEmitter emitter) {
    for (int i = 0; i < op.getNumRegions(); i++) {
      Region region = op.getRegion(i);
      if (region.isEmpty() || region.front().getNumArguments() == 0) {
        continue;
      }
      emitter.emitOpError(op, op.getNumRegions() > 1
          ? "region #" + i + " should have no arguments"
          : "region should have no arguments");
      return;
    }
  }

  // ---- types --------------------------------------------------------------------------------

  private static void verifySameOperandsAndResultType(Operation op, DiagnosticEmitter emitter) {
    if (op.getNumOperands() < 1) {
      emitter.emitOpError(op, "expected 1 or more operands, but found " + op.getNumOperands());
      return;
    }
    if (op.getNumResults() < 1) {
      emitter.emitOpError(op, "expected 1 or more results");
      return;
    }
    Type type = op.getResult(0).getType();
    Attribute encoding = type instanceof RankedTensorType r ? r.encoding() : null;
    int results = op.getNumResults();
    for (int i = 1; i < results + op.getNumOperands(); i++) {
      Type other = i < results ? op.getResult(i).getType() : op.getOperand(i - results).getType();
      if (other == type) {
        continue;
      }
      if (!elementTypeOrSelf(other).equals(elementTypeOrSelf(type)) || !compatibleShapes(other, type)) {
        emitter.emitOpError(op, "requires the same type for all operands and results");
        return;
      }
      if (encoding != null && other instanceof RankedTensorType r && !encoding.equals(r.encoding())) {
        emitter.emitOpError(op, "requires the same encoding for all operands and results");
        return;
      }
    }
  }

  static Type elementTypeOrSelf(Type t) {
    return t instanceof ShapedType s ? s.elementType() : t;
  }

  /** MLIR's verifyCompatibleShape: same rank, dimensions equal unless one is dynamic. */
  static boolean compatibleShapes(Type a, Type b) {
    if (!(a instanceof ShapedType sa) || !(b instanceof ShapedType sb)) {
      return !(a instanceof ShapedType) && !(b instanceof ShapedType);
    }
    if (!sa.hasRank() || !sb.hasRank()) {
      return true;
    }
    if (sa.rank() != sb.rank()) {
      return false;
    }
    for (int i = 0; i < sa.rank(); i++) {
      long da = sa.shape().get(i);
      long db = sb.shape().get(i);
      if (da != ShapedType.DYNAMIC && db != ShapedType.DYNAMIC && da != db) {
        return false;
      }
    }
    return true;
  }

  // ---- symbols ------------------------------------------------------------------------------

  private static void verifySymbol(OpDefinition def, Operation op, DiagnosticEmitter emitter) {
    AttrDef nameDef = def.attributeDef(SymbolTable.SYMBOL_ATTR);
    boolean optionalSymbol = nameDef != null && !nameDef.required();
    if (optionalSymbol && op.getAttr(SymbolTable.SYMBOL_ATTR) == null) {
      return;
    }
    if (!(op.getAttr(SymbolTable.SYMBOL_ATTR) instanceof StringAttr)) {
      emitter.emitOpError(op, "requires string attribute '" + SymbolTable.SYMBOL_ATTR + "'");
      return;
    }
    Attribute visibility = op.getAttr(SymbolTable.VISIBILITY_ATTR);
    if (visibility != null && !(visibility instanceof StringAttr)) {
      emitter.emitOpError(op, "requires visibility attribute '" + SymbolTable.VISIBILITY_ATTR
          + "' to be a string attribute, but got " + AsmPrinter.toString(visibility));
      return;
    }
    if (visibility instanceof StringAttr s && !VISIBILITIES.contains(s.text())) {
      emitter.emitOpError(op, "visibility expected to be one of [\"public\", \"private\", \"nested\"], but got "
          + AsmPrinter.toString(visibility));
      return;
    }
    boolean isPublic = visibility == null || ((StringAttr) visibility).text().equals("public");
    if (def.isSymbolDeclaration(op) && isPublic) {
      emitter.emitOpError(op, "symbol declaration cannot have public visibility");
      return;
    }
    Operation parent = op.getParentOp();
    if (parent != null && parent.isRegistered() && !parent.hasTrait(Trait.SYMBOL_TABLE)) {
      emitter.emitOpError(op, "symbol's parent must have the SymbolTable trait");
    }
  }

  private static void verifySymbolTable(Operation op, DiagnosticEmitter emitter) {
    if (op.getNumRegions() != 1) {
      emitter.emitOpError(op, "Operations with a 'SymbolTable' must have exactly one region");
      return;
    }
    if (op.getRegion(0).getBlocks().size() != 1) {
      emitter.emitOpError(op, "Operations with a 'SymbolTable' must have exactly one block");
      return;
    }
    Map<String, Location> firstDefinition = new HashMap<>();
    for (Operation symbol : op.getRegion(0).front().getOperations()) {
      String name = SymbolTable.symbolName(symbol);
      if (name == null) {
        continue;
      }
      Location previous = firstDefinition.putIfAbsent(name, symbol.getLoc());
      if (previous != null) {
        emitter.emitError(symbol, "redefinition of symbol named '" + name + "'")
            .attachNote(previous, "see existing symbol definition here");
        return;
      }
    }
    verifySymbolUses(op, emitter);
  }

  /**
   * Runs the symbol-use checks of the ops in this table's scope, not entering nested tables.
   * The worklist is a stack of regions, which fixes which failure is reported first as in MLIR.
   */
  private static void verifySymbolUses(Operation table, DiagnosticEmitter emitter) {
    TrackingEmitter tracking = new TrackingEmitter(emitter);
    Deque<Region> worklist = new ArrayDeque<>(table.getRegions());
    while (!worklist.isEmpty()) {
      Region region = worklist.removeLast();
      for (Block block : region.getBlocks()) {
        for (Operation op : block.getOperations()) {
          SymbolUser user = symbolUser(op);
          if (user != null) {
            user.verifier().verify(op, tracking);
            if (tracking.failed()) {
              return;
            }
          }
          if (!op.hasTrait(Trait.SYMBOL_TABLE)) {
            worklist.addAll(op.getRegions());
          }
        }
      }
    }
  }

  private static SymbolUser symbolUser(Operation op) {
    OpDef def = op.getName().getDef();
    if (def == null) {
      return null;
    }
    for (Trait t : def.traits()) {
      if (t instanceof SymbolUser u) {
        return u;
      }
    }
    return null;
  }

  // ---- isolation ----------------------------------------------------------------------------

  /** Nested IsolatedFromAbove ops are skipped: they check their own regions. */
  private static void verifyIsolatedFromAbove(Operation isolated, DiagnosticEmitter emitter) {
    for (Region limit : isolated.getRegions()) {
      Deque<Region> pending = new ArrayDeque<>();
      pending.add(limit);
      while (!pending.isEmpty()) {
        Region region = pending.removeLast();
        for (Block block : region.getBlocks()) {
          for (Operation op : block.getOperations()) {
            if (!operandsDefinedInside(limit, isolated, op, emitter)) {
              return;
            }
            if (op.getNumRegions() > 0 && !op.hasTrait(Trait.ISOLATED_FROM_ABOVE)) {
              pending.addAll(op.getRegions());
            }
          }
        }
      }
    }
  }

  private static boolean operandsDefinedInside(Region limit, Operation isolated, Operation op,
      DiagnosticEmitter emitter) {
    for (Value operand : op.getOperands()) {
      Region operandRegion = operand.getParentRegion();
      if (operandRegion == null) {
        emitter.emitError(op, "operation's operand is unlinked");
        return false;
      }
      if (!limit.isAncestor(operandRegion)) {
        emitter.emitOpError(op, "using value defined outside the region")
            .attachNote(isolated.getLoc(), "required by region isolation constraints");
        return false;
      }
    }
    return true;
  }
}
