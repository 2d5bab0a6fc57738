package dev.dyad.ir;

import java.util.List;

/**
 * A property of an op kind that the verifier and the transformations rely on (MLIR's op traits).
 * Marker traits are singletons; parameterised ones are records. Their checks live in
 * {@code dev.dyad.ir.ods.TraitVerifier}, which op definitions run in MLIR's order.
 */
public interface Trait {
  /** A printable name for {@code --list-ops}. */
  String name();

  /** Has no side effects: can be removed when unused, CSE'd and hoisted. */
  Trait PURE = () -> "Pure";
  /**
   * Reads and writes no memory but may not be speculated (division by zero is undefined): can
   * be removed when unused and CSE'd, not hoisted. {@link #PURE} implies it.
   */
  Trait NO_MEMORY_EFFECT = () -> "NoMemoryEffect";
  /** Must be the last op of its block. */
  Trait TERMINATOR = () -> "Terminator";
  /** Its regions cannot use values defined outside them. */
  Trait ISOLATED_FROM_ABOVE = () -> "IsolatedFromAbove";
  /** Defines a symbol table: its single-block region holds symbols with unique names. */
  Trait SYMBOL_TABLE = () -> "SymbolTable";
  /** Defines a symbol ({@code sym_name}). */
  Trait SYMBOL = () -> "Symbol";
  /** Each region has at most one block. */
  Trait SINGLE_BLOCK = () -> "SingleBlock";
  /** Its regions may lack a terminator (graph-like bodies such as a module). */
  Trait NO_TERMINATOR = () -> "NoTerminator";
  /** Regions are graph regions: no dominance requirement inside them. */
  Trait GRAPH_REGION = () -> "GraphRegionKind";
  /** Operands and results all have the same type. */
  Trait SAME_OPERANDS_AND_RESULT_TYPE = () -> "SameOperandsAndResultType";
  /** Has no operands. */
  Trait ZERO_OPERANDS = () -> "ZeroOperands";
  /** Is a constant: folds to an attribute. */
  Trait CONSTANT_LIKE = () -> "ConstantLike";
  /** Results are independent of the operand order. */
  Trait COMMUTATIVE = () -> "Commutative";
  /** Entry blocks of its regions take no arguments. */
  Trait NO_REGION_ARGUMENTS = () -> "NoRegionArguments";
  /** Returns from the enclosing function-like op. */
  Trait RETURN_LIKE = () -> "ReturnLike";

  /** The op must be directly nested in one of {@code parents}. */
  record HasParent(List<String> parents) implements Trait {
    public HasParent {
      parents = List.copyOf(parents);
    }

    @Override
    public String name() {
      return "HasParent<" + String.join(", ", parents) + ">";
    }
  }
}
