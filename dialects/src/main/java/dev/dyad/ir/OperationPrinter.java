package dev.dyad.ir;

import dev.dyad.ir.attr.AffineMapAttr;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.IntegerSetAttr;
import dev.dyad.ir.text.StringEscapes;
import dev.dyad.ir.type.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints operations in MLIR's generic form, byte-identical to {@code mlir-opt
 * --mlir-print-op-generic}: value and block numbering, block headers with predecessor comments,
 * {@code #map}/{@code #set} alias definitions, and trailing locations with debug info.
 */
public final class OperationPrinter {
  private static final int INDENT_WIDTH = 2;

  private final StringBuilder out;
  private final PrintOptions options;
  private final AsmPrinter asm;
  /** Value ids: >= 0 is {@code %N}; < 0 encodes entry-block argument {@code %arg(-id-1)}. */
  private final IdentityHashMap<Value, Integer> valueIds = new IdentityHashMap<>();
  private final IdentityHashMap<Block, Integer> blockIds = new IdentityHashMap<>();
  private int indent;

  private OperationPrinter(StringBuilder out, PrintOptions options, Map<Attribute, String> aliases) {
    this.out = out;
    this.options = options;
    this.asm = new AsmPrinter(out, aliases);
  }

  /** Prints {@code op} as a whole output: alias definitions, then the op, then a newline. */
  public static void printTopLevel(Operation op, PrintOptions options, StringBuilder out) {
    Map<Attribute, String> aliases = options.localScope() ? Map.of() : collectAliases(op);
    for (Map.Entry<Attribute, String> e : aliases.entrySet()) {
      out.append(e.getValue()).append(" = ");
      new AsmPrinter(out).printAttribute(e.getKey());
      out.append('\n');
    }
    OperationPrinter p = new OperationPrinter(out, options, aliases);
    p.number(rootOf(op));
    p.printOp(op);
    out.append('\n');
  }

  public static String printTopLevel(Operation op, PrintOptions options) {
    StringBuilder sb = new StringBuilder();
    printTopLevel(op, options, sb);
    return sb.toString();
  }

  /**
   * One op in generic form, no aliases, numbered as in a print of its outermost ancestor or, with
   * {@link PrintOptions#localScope()}, of its closest isolated-from-above ancestor (itself
   * included) like MLIR's local scope: diagnostics print ops that way.
   */
  public static String print(Operation op, PrintOptions options) {
    StringBuilder sb = new StringBuilder();
    OperationPrinter p = new OperationPrinter(sb, options, Map.of());
    p.number(options.localScope() ? localRootOf(op) : rootOf(op));
    p.printOp(op);
    return sb.toString();
  }

  private static Operation localRootOf(Operation op) {
    Operation root = op;
    while (!root.hasTrait(Trait.ISOLATED_FROM_ABOVE) && root.getParentOp() != null) {
      root = root.getParentOp();
    }
    return root;
  }

  private static Operation rootOf(Operation op) {
    Operation root = op;
    while (root.getParentOp() != null) {
      root = root.getParentOp();
    }
    return root;
  }

  // ---- aliases -------------------------------------------------------------------------------

  /** MLIR gives affine maps and integer sets aliases, numbered in order of first use. */
  private static Map<Attribute, String> collectAliases(Operation root) {
    Map<Attribute, String> aliases = new LinkedHashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    java.util.function.Consumer<Attribute> visit = a -> {
      String base = a instanceof AffineMapAttr ? "#map" : a instanceof IntegerSetAttr ? "#set" : null;
      if (base == null || aliases.containsKey(a)) {
        return;
      }
      int n = counts.merge(base, 1, Integer::sum) - 1;
      aliases.put(a, n == 0 ? base : base + n);
    };
    root.walkPreOrder(op -> {
      if (op.getProperties() != null) {
        SubElements.walk(op.getProperties(), visit);
      }
      SubElements.walk(op.getAttrDictionary(), visit);
      for (Value v : op.getOperands()) {
        SubElements.walk(v.getType(), visit);
      }
      for (Type t : op.getResultTypes()) {
        SubElements.walk(t, visit);
      }
      for (Region r : op.getRegions()) {
        for (Block b : r.getBlocks()) {
          for (BlockArgument a : b.getArguments()) {
            SubElements.walk(a.getType(), visit);
          }
        }
      }
    });
    return aliases;
  }

  // ---- numbering (MLIR's SSANameState) -------------------------------------------------------

  private record RegionToNumber(Region region, int nextValueId, int nextArgId) {}

  private int nextValueId;
  private int nextArgId;

  /**
   * Numbers values like MLIR: within a region, blocks in order, arguments then op results; a
   * nested region continues from the counters its parent region reached when it was finished.
   */
  private void number(Operation root) {
    numberResults(root);
    Deque<RegionToNumber> work = new ArrayDeque<>();
    for (Region r : root.getRegions()) {
      work.push(new RegionToNumber(r, nextValueId, nextArgId));
    }
    while (!work.isEmpty()) {
      RegionToNumber item = work.pop();
      nextValueId = item.nextValueId();
      nextArgId = item.nextArgId();
      numberRegion(item.region());
      for (Block b : item.region().getBlocks()) {
        for (Operation op = b.front(); op != null; op = op.getNextNode()) {
          for (Region nested : op.getRegions()) {
            work.push(new RegionToNumber(nested, nextValueId, nextArgId));
          }
        }
      }
    }
  }

  private void numberRegion(Region region) {
    int blockId = 0;
    for (Block b : region.getBlocks()) {
      blockIds.put(b, blockId++);
      boolean entry = b.isEntryBlock();
      for (BlockArgument a : b.getArguments()) {
        valueIds.put(a, entry ? -(nextArgId++) - 1 : nextValueId++);
      }
      for (Operation op = b.front(); op != null; op = op.getNextNode()) {
        numberResults(op);
      }
    }
  }

  private void numberResults(Operation op) {
    if (op.getNumResults() > 0) {
      valueIds.put(op.getResult(0), nextValueId++);
    }
  }

  // ---- printing -------------------------------------------------------------------------------

  private void printIndent() {
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
  }

  private void printValueId(Value v) {
    if (v instanceof OpResult r && r.getIndex() > 0) {
      Integer id = valueIds.get(r.getOwner().getResult(0));
      if (id == null) {
        out.append("<<UNKNOWN SSA VALUE>>");
        return;
      }
      out.append('%').append(id.intValue()).append('#').append(r.getIndex());
      return;
    }
    Integer id = valueIds.get(v);
    if (id == null) {
      out.append("<<UNKNOWN SSA VALUE>>");
      return;
    }
    if (id < 0) {
      out.append("%arg").append(-id - 1);
    } else {
      out.append('%').append(id.intValue());
    }
  }

  private void printBlockName(Block b) {
    Integer id = blockIds.get(b);
    if (id == null) {
      out.append("<<UNKNOWN SSA VALUE>>");
      return;
    }
    out.append("^bb").append(id.intValue());
  }

  private void printOp(Operation op) {
    printIndent();
    int numResults = op.getNumResults();
    if (numResults > 0) {
      printValueId(op.getResult(0));
      if (numResults > 1) {
        out.append(':').append(numResults);
      }
      out.append(" = ");
    }
    out.append('"');
    StringEscapes.appendEscaped(out, op.getNameString());
    out.append("\"(");
    for (int i = 0; i < op.getNumOperands(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      printValueId(op.getOperand(i));
    }
    out.append(')');
    if (op.getNumSuccessors() > 0) {
      out.append('[');
      for (int i = 0; i < op.getNumSuccessors(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        printBlockName(op.getSuccessor(i));
      }
      out.append(']');
    }
    if (op.getProperties() != null) {
      out.append(" <");
      asm.printAttribute(op.getProperties());
      out.append('>');
    }
    if (op.getNumRegions() > 0) {
      out.append(" (");
      for (int i = 0; i < op.getNumRegions(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        printRegion(op.getRegion(i));
      }
      out.append(')');
    }
    if (!op.getAttrDictionary().isEmpty()) {
      out.append(" {");
      asm.printDictionaryEntries(op.getAttrDictionary().entries());
      out.append('}');
    }
    out.append(" : (");
    for (int i = 0; i < op.getNumOperands(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      asm.printType(op.getOperand(i).getType());
    }
    out.append(") -> ");
    asm.printFunctionResults(op.getResultTypes());
    if (options.debugInfo()) {
      out.append(' ');
      asm.printLocation(op.getLoc());
    }
  }

  private void printRegion(Region region) {
    out.append("{\n");
    List<Block> blocks = region.getBlocks();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      boolean header = i > 0 || b.isEmpty() || b.getNumArguments() > 0;
      printBlock(b, header);
    }
    printIndent();
    out.append('}');
  }

  private void printBlock(Block block, boolean header) {
    if (header) {
      printIndent();
      printBlockName(block);
      if (block.getNumArguments() > 0) {
        out.append('(');
        for (int i = 0; i < block.getNumArguments(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          BlockArgument a = block.getArgument(i);
          printValueId(a);
          out.append(": ");
          asm.printType(a.getType());
          if (options.debugInfo()) {
            out.append(' ');
            asm.printLocation(a.getLoc());
          }
        }
        out.append(')');
      }
      out.append(':');
      printPredecessors(block);
      out.append('\n');
    }
    indent += INDENT_WIDTH;
    for (Operation op = block.front(); op != null; op = op.getNextNode()) {
      printOp(op);
      out.append('\n');
    }
    indent -= INDENT_WIDTH;
  }

  private void printPredecessors(Block block) {
    List<Block> preds = block.getPredecessors();
    if (preds.isEmpty()) {
      if (!block.isEntryBlock()) {
        out.append("  // no predecessors");
      }
      return;
    }
    if (preds.size() == 1) {
      out.append("  // pred: ");
      printBlockName(preds.get(0));
      return;
    }
    List<Block> sorted = new ArrayList<>(preds);
    sorted.sort((a, b) -> Integer.compare(blockIds.getOrDefault(a, -1), blockIds.getOrDefault(b, -1)));
    out.append("  // ").append(sorted.size()).append(" preds: ");
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      printBlockName(sorted.get(i));
    }
  }
}
