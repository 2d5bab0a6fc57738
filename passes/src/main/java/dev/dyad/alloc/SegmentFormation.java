package dev.dyad.alloc;

import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.dialect.cim.Col2ImOp;
import dev.dyad.dialect.cim.Im2ColOp;
import dev.dyad.dialect.cim.MmmOp;
import dev.dyad.dialect.cim.SegmentOp;
import dev.dyad.dialect.cim.VectorOp;
import dev.dyad.dialect.cim.YieldOp;
import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpOperand;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.type.Type;
import dev.dyad.pass.PassContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Wraps a function's on-chip ops into {@code cim.segment}s once its products have segments; the
 * other ops join segments by docs/lowering.md's rule ("Which segment a vector op joins").
 */
public final class SegmentFormation {
  private static final Set<String> DATA_OPS = Set.of(VectorOp.NAME, Im2ColOp.NAME, Col2ImOp.NAME);

  private final Block body;
  private final Operation terminator;
  /** The ops that run on the chip (products and vector work), in program order. */
  private final List<Operation> dataOps;
  private final List<MmmOp> products;

  private SegmentFormation(Block body, Operation terminator, List<Operation> dataOps, List<MmmOp> products) {
    this.body = body;
    this.terminator = terminator;
    this.dataOps = dataOps;
    this.products = products;
  }

  /**
   * Checks that {@code func} holds only what allocation understands and sorts its ops; null after
   * reporting every op it cannot allocate.
   */
  public static SegmentFormation analyze(Operation func, PassContext ctx) {
    List<Block> blocks = func.getRegion(0).getBlocks();
    if (blocks.size() != 1) {
      ctx.emitOpError(func, "cannot be allocated: its body has " + blocks.size() + " blocks, but cim programs are"
          + " straight-line code (one block)");
      return null;
    }
    Block body = blocks.get(0);
    Operation terminator = body.back();
    boolean ok = true;
    boolean nnReported = false;
    Set<Value> constantDerived = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Operation> candidates = new ArrayList<>();
    List<MmmOp> products = new ArrayList<>();
    for (Operation op : body.getOperations()) {
      if (op == terminator && op.hasTrait(Trait.TERMINATOR)) {
        continue;
      }
      String name = op.getNameString();
      if (isConstant(op)) {
        constantDerived.addAll(op.getResults());
      } else if (MmmOp.isa(op)) {
        candidates.add(op);
        products.add(new MmmOp(op));
      } else if (DATA_OPS.contains(name)) {
        candidates.add(op);
        if (op.getNumOperands() > 0 && op.getOperands().stream().allMatch(constantDerived::contains)) {
          constantDerived.addAll(op.getResults());
        }
      } else if (SegmentOp.isa(op)) {
        ctx.emitOpError(op, "the function is already segmented: allocate a function only once");
        ok = false;
      } else if (name.startsWith("nn.")) {
        if (!nnReported) { // one error per function: the rest of the nn program is the same story
          ctx.emitOpError(op, "must be lowered to cim before allocation (run nn-to-cim first)");
          nnReported = true;
        }
        ok = false;
      } else {
        ctx.emitOpError(op, "cannot be allocated: a function to allocate may only hold cim.mmm, cim.vector,"
            + " cim.im2col, cim.col2im and constants");
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    // Constant-only ops that (transitively) prepare a product's weights are offline work: they
    // stay beside the constants. Constant-only ops whose results are data run on the chip.
    Set<Operation> weightPreparation = Collections.newSetFromMap(new IdentityHashMap<>());
    for (MmmOp m : products) {
      markWeightPreparation(m.weight(), constantDerived, weightPreparation);
    }
    List<Operation> dataOps = new ArrayList<>();
    for (Operation op : candidates) {
      if (!weightPreparation.contains(op)) {
        dataOps.add(op);
      }
    }
    return new SegmentFormation(body, terminator, dataOps, products);
  }

  private static void markWeightPreparation(Value v, Set<Value> constantDerived, Set<Operation> marked) {
    Operation def = v.getDefiningOp();
    if (def == null || isConstant(def) || !constantDerived.contains(v) || !marked.add(def)) {
      return;
    }
    for (Value operand : def.getOperands()) {
      markWeightPreparation(operand, constantDerived, marked);
    }
  }

  static boolean isConstant(Operation op) {
    return op.hasTrait(Trait.CONSTANT_LIKE) || op.getNameString().equals(CimSupport.NN_CONSTANT);
  }

  /** The function's products in program order: the allocator's operators. */
  public List<MmmOp> products() {
    return products;
  }

  /**
   * Wraps the data ops into segments, product {@code i} going to segment {@code segmentOf[i]}
   * (non-decreasing, as allocators give them); returns the number of segments formed. Without
   * products, all vector work forms one segment.
   */
  public int wrap(int[] segmentOf) {
    if (dataOps.isEmpty()) {
      return 0;
    }
    Map<Operation, Integer> seg = assign(segmentOf);
    int count = 0;
    for (int s : seg.values()) {
      count = Math.max(count, s + 1);
    }
    List<List<Operation>> members = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      members.add(new ArrayList<>());
    }
    for (Operation op : dataOps) {
      members.get(seg.get(op)).add(op);
    }
    Builder b = new Builder(terminator.getContext());
    for (int s = 0; s < count; s++) {
      wrapOne(b, s, members.get(s), seg);
    }
    return count;
  }

  /**
   * Segment of every data op: products as given; the rest as early as their operands allow, then
   * (last to first) down to their users' segment when that makes less data cross the boundary.
   * Constants and the constant-only ops that prepare weights are not data ops: they stay outside.
   */
  private Map<Operation, Integer> assign(int[] segmentOf) {
    Map<Operation, Integer> seg = new IdentityHashMap<>();
    for (int i = 0; i < products.size(); i++) {
      seg.put(products.get(i).op(), segmentOf[i]);
    }
    for (Operation op : dataOps) {
      if (seg.containsKey(op)) {
        continue;
      }
      int s = 0;
      for (Value v : op.getOperands()) {
        Integer producer = v.getDefiningOp() == null ? null : seg.get(v.getDefiningOp());
        if (producer != null) {
          s = Math.max(s, producer);
        }
      }
      seg.put(op, s);
    }
    for (int i = dataOps.size() - 1; i >= 0; i--) {
      Operation op = dataOps.get(i);
      if (MmmOp.isa(op)) {
        continue;
      }
      int consumers = Integer.MAX_VALUE;
      long crossingResults = 0;
      for (OpResult r : op.getResults()) {
        boolean usedOnChip = false;
        for (Operation user : r.getUsers()) {
          Integer s = seg.get(user);
          if (s != null) {
            consumers = Math.min(consumers, s);
            usedOnChip = true;
          }
        }
        crossingResults += usedOnChip ? TensorBits.of(r) : 0;
      }
      if (consumers == Integer.MAX_VALUE || consumers <= seg.get(op)) {
        continue;
      }
      // Pushed down, the operands computed on the chip cross the boundary instead of the results;
      // arguments and constants live in external memory either way.
      long crossingOperands = 0;
      Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Value v : op.getOperands()) {
        if (v.getDefiningOp() != null && seg.containsKey(v.getDefiningOp()) && seen.add(v)) {
          crossingOperands += TensorBits.of(v);
        }
      }
      if (crossingResults > crossingOperands) {
        seg.put(op, consumers);
      }
    }
    return seg;
  }

  private void wrapOne(Builder b, int id, List<Operation> ops, Map<Operation, Integer> seg) {
    Set<Operation> inside = Collections.newSetFromMap(new IdentityHashMap<>());
    inside.addAll(ops);
    Set<Value> yielded = new LinkedHashSet<>();
    for (Operation op : ops) {
      for (OpResult r : op.getResults()) {
        for (OpOperand use : r.getUses()) {
          if (!inside.contains(use.getOwner())) {
            yielded.add(r);
            break;
          }
        }
      }
    }
    List<Type> types = new ArrayList<>();
    for (Value v : yielded) {
      types.add(v.getType());
    }
    b.setInsertionPoint(terminator);
    SegmentOp segment = SegmentOp.create(b, segmentLocation(ops), id, types);
    Block segBody = segment.body();
    for (Operation op : ops) {
      op.remove();
      segBody.append(op);
    }
    b.setInsertionPointToEnd(segBody);
    List<Value> values = new ArrayList<>(yielded);
    YieldOp.create(b, segment.op().getLoc(), values);
    for (int i = 0; i < values.size(); i++) {
      Value result = segment.results().get(i);
      values.get(i).replaceUsesWithIf(result, use -> !segment.op().isAncestor(use.getOwner()));
    }
  }

  /** The location of the segment's first product (its first op without one). */
  private static Location segmentLocation(List<Operation> ops) {
    for (Operation op : ops) {
      if (MmmOp.isa(op)) {
        return op.getLoc();
      }
    }
    return ops.get(0).getLoc();
  }
}
