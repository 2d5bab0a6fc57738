package dev.dyad.conversion.cimtometa;

import dev.dyad.alloc.CimOperator;
import dev.dyad.alloc.TensorBits;
import dev.dyad.arch.HardwareDescription;
import dev.dyad.conversion.cimtometa.ArrayPlanner.OperatorNeed;
import dev.dyad.conversion.cimtometa.ArrayPlanner.OperatorPlacement;
import dev.dyad.conversion.cimtometa.ArrayPlanner.SegmentNeed;
import dev.dyad.conversion.cimtometa.ArrayPlanner.SegmentPlacement;
import dev.dyad.conversion.cimtometa.ArrayPlanner.Slice;
import dev.dyad.dialect.cim.AllocAttr;
import dev.dyad.dialect.cim.CimSupport;
import dev.dyad.dialect.cim.Col2ImOp;
import dev.dyad.dialect.cim.ConvWindow;
import dev.dyad.dialect.cim.Im2ColOp;
import dev.dyad.dialect.cim.MmmOp;
import dev.dyad.dialect.cim.SegmentOp;
import dev.dyad.dialect.cim.VectorOp;
import dev.dyad.dialect.cim.YieldOp;
import dev.dyad.dialect.func.ReturnOp;
import dev.dyad.dialect.meta.BarrierOp;
import dev.dyad.dialect.meta.LoadOp;
import dev.dyad.dialect.meta.LoadSliceOp;
import dev.dyad.dialect.meta.MovOp;
import dev.dyad.dialect.meta.MvmOp;
import dev.dyad.dialect.meta.PlaceAttr;
import dev.dyad.dialect.meta.ReadOp;
import dev.dyad.dialect.meta.StoreOp;
import dev.dyad.dialect.meta.StoreSliceOp;
import dev.dyad.dialect.meta.SwitchOp;
import dev.dyad.dialect.meta.WriteOp;
import dev.dyad.dialect.meta.WriteWeightsOp;
import dev.dyad.ir.Block;
import dev.dyad.ir.BlockArgument;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Location;
import dev.dyad.ir.OpResult;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Trait;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import dev.dyad.pass.PassContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lowers one allocated cim function to a meta program in place, as docs/lowering.md
 * ("cim-to-meta") describes: physical arrays, four phases per segment, data placement.
 */
final class FunctionLowering {
  /** A meta value and where it lives. */
  record Placed(Value value, PlaceAttr place) {}

  /** The counts a successful lowering reports as statistics. */
  record Counts(int segments, int arraysWritten, int toMemory, int toCompute, int spilled, int bandedProducts,
      long rowBlocks) {}

  private final Operation func;
  private final HardwareDescription arch;
  private final PassContext ctx;
  private final Builder b;

  private Block body;
  private Operation terminator;
  private final List<SegmentOp> segments = new ArrayList<>();
  /** Segment index of every op inside a cim.segment (the segment op itself included). */
  private final Map<Operation, Integer> segmentOf = new IdentityHashMap<>();
  /** For each value (by origin), the segments whose ops use it. */
  private final Map<Value, TreeSet<Integer>> usedIn = new IdentityHashMap<>();
  private final Set<Value> returned = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Operation, ProductPlan> products = new IdentityHashMap<>();
  private final List<List<MmmOp>> productsBySegment = new ArrayList<>();
  private List<SegmentPlacement> placements;

  /** Values crossing segments that the buffer cannot keep: stored after their definition, loaded where used. */
  private final Set<Value> spilled = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Products computed in row blocks (bands of M) because they do not fit the buffer at once: their band count. */
  private final Map<Operation, Long> bands = new IdentityHashMap<>();
  /**
   * For each product, the row-wise vector ops that directly follow it (each the only user of the
   * previous one's result): a banded product computes them inside its bands.
   */
  private final Map<Operation, List<VectorOp>> chains = new IdentityHashMap<>();
  /** The product whose chain holds a vector op (for a convolution also its im2col and col2im). */
  private final Map<Operation, MmmOp> chainProduct = new IdentityHashMap<>();
  /** Products that are one-image, one-group convolutions, banded by output-image rows. */
  private final Map<Operation, Conv> convs = new IdentityHashMap<>();

  /** A convolution's im2col (the product's input) and col2im (the product's only user). */
  private record Conv(Im2ColOp im2col, Col2ImOp col2im) {}

  /** Kinds that compute each output element from the same element of their operands (broadcast). */
  private static final Set<String> ROW_WISE = Set.of("nn.requantize", "nn.quantize", "nn.dequantize", "nn.relu",
      "nn.relu6", "nn.clip", "nn.add", "nn.sub", "nn.mul", "nn.gelu", "nn.silu", "nn.sigmoid", "nn.tanh",
      "nn.hardsigmoid", "nn.hardswish");

  // Emission state, reset for every attempt.
  private Map<Value, Placed> home;
  private Map<Value, Value> storedResults;
  private Map<Operation, Operation> sourceOf;
  /**
   * Meta values (inner, in the buffer) that hold a crossing value the buffer keeps, by origin, in
   * the order they were emitted (Value has identity equality; the order makes spilling deterministic).
   */
  private Map<Value, Value> keptInBuffer;

  /** One product's tiling (tile t = r · colTiles + c), its allocation and its producer in the segment. */
  private record ProductPlan(int rowTiles, int colTiles, List<Slice> tiles, AllocAttr alloc, int producer) {}

  FunctionLowering(Operation func, HardwareDescription arch, PassContext ctx) {
    this.func = func;
    this.arch = arch;
    this.ctx = ctx;
    this.b = new Builder(func.getContext());
  }

  /** Lowers the function in place; null after reporting why it cannot be lowered. */
  Counts run() {
    if (!analyze() || !planArrays()) {
      return null;
    }
    while (true) {
      Block scratch = new Block();
      emit(scratch);
      Occupancy.Overflow overflow = Occupancy.check(scratch, arch);
      if (overflow == null) {
        Counts counts = counts(); // before install erases the cim products
        install(scratch);
        return counts;
      }
      Value spill = overflow.isBuffer() ? spillCandidate(overflow) : null;
      MmmOp band = spill == null && overflow.isBuffer() ? bandCandidate(overflow) : null;
      discard(scratch);
      if (spill != null) {
        spilled.add(spill);
      } else if (band != null) {
        bands.put(band.op(), Math.min(2 * bands.getOrDefault(band.op(), 1L), bandUnits(band.op()))); // halves the band
      } else {
        report(overflow);
        return null;
      }
    }
  }

  // ---- analysis -------------------------------------------------------------------------------

  private boolean analyze() {
    List<Block> blocks = func.getRegion(0).getBlocks();
    if (blocks.size() != 1) {
      ctx.emitOpError(func, "cannot be lowered to meta: its body has " + blocks.size() + " blocks, but cim programs"
          + " are straight-line code (one block)");
      return false;
    }
    body = blocks.get(0);
    terminator = body.back();
    boolean ok = true;
    boolean nnReported = false;
    Set<Value> constantDerived = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Operation op : body.getOpsList()) {
      if (op == terminator && op.hasTrait(Trait.TERMINATOR)) {
        continue;
      }
      if (isConstant(op)) {
        constantDerived.addAll(op.getResults());
      } else if (SegmentOp.isa(op)) {
        hoistConstants(new SegmentOp(op));
        segmentOf.put(op, segments.size());
        segments.add(new SegmentOp(op));
      } else if (MmmOp.isa(op) || VectorOp.isa(op) || Im2ColOp.isa(op) || Col2ImOp.isa(op)) {
        if (op.getNumOperands() > 0 && op.getOperands().stream().allMatch(constantDerived::contains)) {
          constantDerived.addAll(op.getResults()); // weight preparation: stays as it is
        } else {
          ctx.emitOpError(op, "is outside any cim.segment: run an allocation pass (cim-mlc-alloc or naive-alloc)"
              + " first");
          ok = false;
        }
      } else if (op.getNameString().startsWith("nn.")) {
        if (!nnReported) { // one error for an nn program, not one per op
          ctx.emitOpError(op, "must be lowered to cim (nn-to-cim) and allocated before cim-to-meta");
          nnReported = true;
        }
        ok = false;
      } else {
        ctx.emitOpError(op, "cannot be lowered to meta: a cim function holds constants, cim.segment ops and its"
            + " return");
        ok = false;
      }
    }
    if (!ok) {
      return false;
    }
    for (int s = 0; s < segments.size(); s++) {
      List<MmmOp> mmms = new ArrayList<>();
      for (Operation op : segments.get(s).body().getOpsList()) {
        segmentOf.put(op, s);
        if (MmmOp.isa(op)) {
          mmms.add(new MmmOp(op));
        }
      }
      productsBySegment.add(mmms);
    }
    for (int s = 0; s < segments.size(); s++) {
      for (Operation op : segments.get(s).body().getOpsList()) {
        if (op.getNameString().equals(YieldOp.NAME)) {
          continue;
        }
        for (Value v : op.getOperands()) {
          usedIn.computeIfAbsent(origin(v), k -> new TreeSet<>()).add(s);
        }
      }
    }
    for (Value v : terminator.getOperands()) {
      returned.add(origin(v));
    }
    for (int s = 0; s < segments.size(); s++) {
      for (MmmOp m : productsBySegment.get(s)) {
        ok &= planProduct(m, s);
        Conv conv = convolution(m, s);
        List<VectorOp> chain;
        if (conv != null) {
          convs.put(m.op(), conv);
          chainProduct.put(conv.im2col().op(), m);
          chainProduct.put(conv.col2im().op(), m);
          chain = rowWiseChain(conv.col2im().output(), 2, s);
        } else {
          chain = rowWiseChain(m.output(), 0, s);
        }
        chains.put(m.op(), chain);
        for (VectorOp v : chain) {
          chainProduct.put(v.op(), m);
        }
      }
    }
    return ok;
  }

  /**
   * Product {@code m} as a convolution that can be banded by output rows: its input is the result
   * of a one-group im2col of one image used only by it, its result is used only by a one-operand
   * col2im, all in segment {@code s}, and no band of output rows lies wholly in the padding.
   */
  private Conv convolution(MmmOp m, int s) {
    Operation def = m.input().getDefiningOp();
    Value out = m.output();
    if (def == null || !Im2ColOp.isa(def) || !Integer.valueOf(s).equals(segmentOf.get(def))
        || !m.input().hasOneUse() || returned.contains(m.input()) || !out.hasOneUse() || returned.contains(out)) {
      return null;
    }
    Operation user = out.getUsers().get(0);
    if (!Col2ImOp.isa(user) || user.getNumOperands() != 1 || !Integer.valueOf(s).equals(segmentOf.get(user))) {
      return null;
    }
    Im2ColOp im = new Im2ColOp(def);
    ConvWindow w = im.window();
    long reach = w.dilationH() * (w.kernelH() - 1);
    List<Long> in = ((RankedTensorType) im.input().getType()).shape();
    if (in.size() != 4 || in.get(0) != 1 || w.group() != 1 || w.padTop() > reach || w.padBottom() > reach) {
      return null;
    }
    return new Conv(im, new Col2ImOp(user));
  }

  /**
   * The row-wise vector ops that directly follow {@code start} in segment {@code s}: each the only
   * user of the previous value, of {@code start}'s shape, its other operands defined outside the
   * segments (constants, arguments) and broadcast along {@code axis} (the banded one: M of a
   * product, the image rows of a convolution), so that a band of rows needs only the band's rows.
   */
  private List<VectorOp> rowWiseChain(Value start, int axis, int s) {
    List<VectorOp> chain = new ArrayList<>();
    Value v = start;
    List<Long> shape = ((RankedTensorType) v.getType()).shape();
    while (v.hasOneUse() && !returned.contains(v)) {
      Operation user = v.getUsers().get(0);
      if (!VectorOp.isa(user) || !Integer.valueOf(s).equals(segmentOf.get(user)) || user.getNumResults() != 1
          || !(user.getResult(0).getType() instanceof RankedTensorType t) || !t.shape().equals(shape)) {
        break;
      }
      VectorOp vec = new VectorOp(user);
      Value previous = v;
      if (!ROW_WISE.contains(vec.kind())
          || !vec.inputs().stream().allMatch(in -> in == previous || broadcastAlong(in, axis, shape.size()))) {
        break;
      }
      chain.add(vec);
      v = user.getResult(0);
    }
    return chain;
  }

  /** A constant or argument that broadcasts along {@code axis} of a rank-{@code rank} result (aligned right). */
  private boolean broadcastAlong(Value in, int axis, int rank) {
    Value o = origin(in);
    boolean outside = o instanceof BlockArgument || !segmentOf.containsKey(o.getDefiningOp());
    if (!outside || !(in.getType() instanceof RankedTensorType t) || t.shape().size() > rank) {
      return false;
    }
    int aligned = axis - (rank - t.shape().size());
    return aligned < 0 || t.shape().get(aligned) == 1;
  }

  /** How many bands a banded product can have at most: its rows, or a convolution's output-image rows. */
  private long bandUnits(Operation mmm) {
    Conv conv = convs.get(mmm);
    return conv != null ? conv.col2im().shape()[2] : new MmmOp(mmm).M();
  }

  /** Constants inside a segment move before it, so that every segment's weight writes see them. */
  private void hoistConstants(SegmentOp segment) {
    for (Operation op : segment.body().getOpsList()) {
      if (isConstant(op)) {
        op.moveBefore(segment.op());
      }
    }
  }

  private static boolean isConstant(Operation op) {
    return op.hasTrait(Trait.CONSTANT_LIKE) || op.getNameString().equals(CimSupport.NN_CONSTANT);
  }

  /** What a value is once segment results are seen through: the value a segment yields. */
  private static Value origin(Value v) {
    while (v instanceof OpResult r && SegmentOp.isa(r.getOwner())) {
      v = new SegmentOp(r.getOwner()).body().back().getOperand(r.getIndex());
    }
    return v;
  }

  private boolean planProduct(MmmOp m, int s) {
    AllocAttr alloc = m.alloc().orElse(null);
    if (alloc == null) {
      ctx.emitOpError(m.op(), "has no #cim.alloc: run an allocation pass (cim-mlc-alloc or naive-alloc) first");
      return false;
    }
    CimOperator op = new CimOperator(MmmOp.NAME, m.M(), m.K(), m.N());
    int rowTiles = (int) op.rowTiles(arch);
    int colTiles = (int) op.colTiles(arch);
    if (alloc.tiles() != (long) rowTiles * colTiles) {
      ctx.emitOpError(m.op(), "#cim.alloc has tiles = " + alloc.tiles() + ", but its " + m.K() + "x" + m.N()
          + " weights take " + rowTiles * colTiles + " arrays of '" + arch.name() + "' (" + rowTiles + " row tiles of "
          + arch.rows() + " x " + colTiles + " column tiles of " + arch.weightCols() + ")");
      return false;
    }
    if (alloc.ownMemoryArrays() + alloc.reuseIn() > 0 && !arch.dualMode()) {
      ctx.emitOpError(m.op(), "#cim.alloc asks for memory-mode arrays, but '" + arch.name() + "' is not dual-mode");
      return false;
    }
    int producer = -1;
    if (alloc.reuseIn() > 0) {
      producer = producerOf(m, s);
      long available = producer < 0 ? 0 : productsBySegment.get(s).get(producer).alloc().orElseThrow().memOut();
      if (available < alloc.reuseIn()) {
        ctx.emitOpError(m.op(), "#cim.alloc reuses " + alloc.reuseIn() + " of its producer's output arrays, but "
            + (producer < 0 ? "no product of its segment feeds it" : "its producer has mem_out = " + available));
        return false;
      }
    }
    List<Slice> tiles = new ArrayList<>();
    // A run-time weight changes every run: a fresh id, so that no array counts as holding it already.
    int weight = m.runtimeWeights() ? nextWeightId++ : weightIds.computeIfAbsent(m.weight(), k -> nextWeightId++);
    for (int r = 0; r < rowTiles; r++) {
      for (int c = 0; c < colTiles; c++) {
        long rowOffset = (long) r * arch.rows();
        long colOffset = (long) c * arch.weightCols();
        tiles.add(new Slice(weight, rowOffset, Math.min(arch.rows(), m.K() - rowOffset), colOffset,
            Math.min(arch.weightCols(), m.N() - colOffset)));
      }
    }
    products.put(m.op(), new ProductPlan(rowTiles, colTiles, tiles, alloc, producer));
    return true;
  }

  /** Ids of the constant weights (equal ids, equal data: the planner's resident-weight reuse). */
  private final Map<Value, Integer> weightIds = new IdentityHashMap<>();
  private int nextWeightId;

  /**
   * The nearest product of segment {@code s} whose result feeds {@code m}'s input through the
   * segment's vector and layout ops (its index in the segment), or -1.
   */
  private int producerOf(MmmOp m, int s) {
    List<MmmOp> mmms = productsBySegment.get(s);
    List<Value> frontier = new ArrayList<>(List.of(m.input()));
    Set<Operation> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!frontier.isEmpty()) {
      List<Value> next = new ArrayList<>();
      for (Value v : frontier) {
        Operation def = v.getDefiningOp();
        if (def == null || !seen.add(def) || !Integer.valueOf(s).equals(segmentOf.get(def))) {
          continue;
        }
        for (int i = 0; i < mmms.size(); i++) {
          if (mmms.get(i).op() == def) {
            return i;
          }
        }
        next.addAll(def.getOperands());
      }
      frontier = next;
    }
    return -1;
  }

  private boolean planArrays() {
    List<SegmentNeed> needs = new ArrayList<>();
    boolean ok = true;
    for (int s = 0; s < segments.size(); s++) {
      List<OperatorNeed> ops = new ArrayList<>();
      for (MmmOp m : productsBySegment.get(s)) {
        ProductPlan p = products.get(m.op());
        AllocAttr a = p.alloc();
        ops.add(new OperatorNeed(p.tiles(), (int) a.dup(), (int) a.memIn(), (int) a.memOut(), (int) a.reuseIn(),
            p.producer()));
      }
      SegmentNeed need = new SegmentNeed(ops);
      if (need.arrays() > arch.arrays()) {
        ctx.emitOpError(segments.get(s).op(), "needs " + need.arrays() + " arrays (compute and memory mode), but '"
            + arch.name() + "' has " + arch.arrays());
        ok = false;
      }
      needs.add(need);
    }
    if (ok) {
      placements = ArrayPlanner.plan(needs, arch.arrays());
    }
    return ok;
  }

  // ---- emission -------------------------------------------------------------------------------

  private void emit(Block scratch) {
    home = new LinkedHashMap<>();
    storedResults = new IdentityHashMap<>();
    sourceOf = new IdentityHashMap<>();
    keptInBuffer = new LinkedHashMap<>();
    for (int s = 0; s < segments.size(); s++) {
      new SegmentEmission(s).emit(scratch);
    }
    List<Value> results = new ArrayList<>();
    for (Value v : terminator.getOperands()) {
      Value o = origin(v);
      Value stored = storedResults.get(o);
      results.add(stored != null ? stored : o);
    }
    Operation ret = ReturnOp.create(func.getContext(), terminator.getLoc(), results).op();
    scratch.append(ret);
    sourceOf.put(ret, terminator);
  }

  /** The meta ops of one cim.segment, built in a block of their own and then wrapped. */
  private final class SegmentEmission {
    private final int index;
    private final SegmentOp segment;
    private final SegmentPlacement placement;
    private final Map<Value, Placed> local = new IdentityHashMap<>();
    /** Copies of values at memory-mode arrays (inputs of products), by origin and place. */
    private final Map<Value, Map<PlaceAttr, Value>> copies = new IdentityHashMap<>();
    /** What the segment yields: inner meta values, and the origins each one stands for. */
    private final Map<Value, List<Yield>> yields = new LinkedHashMap<>();
    private final Block inner = new Block();
    private Operation source;

    private record Yield(Value origin, boolean result) {}

    SegmentEmission(int index) {
      this.index = index;
      this.segment = segments.get(index);
      this.placement = placements.get(index);
    }

    void emit(Block scratch) {
      b.setInsertionPointToEnd(inner);
      source = segment.op();
      Location loc = segment.op().getLoc();
      if (writeBack(loc)) {
        barrier(loc);
      }
      if (switches(loc)) {
        barrier(loc);
      }
      if (weights()) {
        barrier(loc);
      }
      for (Operation op : segment.body().getOpsList()) {
        if (op.getNameString().equals(YieldOp.NAME)) {
          continue;
        }
        source = op;
        lower(op);
      }
      List<Value> values = new ArrayList<>(yields.keySet());
      List<Type> types = new ArrayList<>();
      for (Value v : values) {
        types.add(v.getType());
      }
      source = segment.op();
      b.setInsertionPointToEnd(inner);
      track(dev.dyad.dialect.meta.YieldOp.create(b, loc, values).op());
      b.setInsertionPointToEnd(scratch);
      dev.dyad.dialect.meta.SegmentOp meta = dev.dyad.dialect.meta.SegmentOp.create(b, loc, segment.id(), types);
      sourceOf.put(meta.op(), segment.op());
      for (Operation op : inner.getOpsList()) {
        op.remove();
        meta.body().append(op);
      }
      for (int i = 0; i < values.size(); i++) {
        Value result = meta.results().get(i);
        PlaceAttr place = Occupancy.placeOf(values.get(i));
        for (Yield y : yields.get(values.get(i))) {
          if (y.result()) {
            storedResults.put(y.origin(), result);
          } else {
            home.put(y.origin(), new Placed(result, place));
          }
        }
      }
    }

    /** Phase 1: values the previous segment left in memory-mode arrays move to the buffer or out. */
    private boolean writeBack(Location loc) {
      boolean any = false;
      List<Value> pending = new ArrayList<>();
      for (Map.Entry<Value, Placed> e : home.entrySet()) {
        if (e.getValue().place().isArrays()) {
          pending.add(e.getKey());
        }
      }
      for (Value o : pending) {
        Placed h = home.remove(o);
        TreeSet<Integer> uses = usedIn.getOrDefault(o, new TreeSet<>());
        if (uses.ceiling(index) == null) {
          continue;
        }
        any = true;
        Value moved;
        PlaceAttr place;
        if (spilled.contains(o)) {
          moved = track(StoreOp.create(b, loc, h.value(), h.place()).op()).getResult(0);
          place = PlaceAttr.EXTERNAL;
        } else {
          moved = track(ReadOp.create(b, loc, h.value(), arrayIds(h.place())).op()).getResult(0);
          place = PlaceAttr.BUFFER;
          keptInBuffer.put(o, moved);
        }
        local.put(o, new Placed(moved, place));
        if (uses.higher(index) != null) {
          addYield(moved, o, false);
        }
      }
      return any;
    }

    /** Phase 2: the mode switches the planner asked for. */
    private boolean switches(Location loc) {
      if (placement.toMemory().length > 0) {
        track(SwitchOp.create(b, loc, false, placement.toMemory()).op());
      }
      if (placement.toCompute().length > 0) {
        track(SwitchOp.create(b, loc, true, placement.toCompute()).op());
      }
      return placement.toMemory().length + placement.toCompute().length > 0;
    }

    /**
     * Phase 3: weight slices not already resident, each written to all its copies at once. Run-time
     * weights are written in the compute phase, once computed ({@link #lowerProduct}).
     */
    private boolean weights() {
      boolean any = false;
      List<MmmOp> mmms = productsBySegment.get(index);
      for (int j = 0; j < mmms.size(); j++) {
        MmmOp m = mmms.get(j);
        if (m.runtimeWeights()) {
          continue;
        }
        source = m.op();
        ProductPlan p = products.get(m.op());
        OperatorPlacement op = placement.operators().get(j);
        for (int t = 0; t < p.tiles().size(); t++) {
          long[] arrays = op.writesOf(t);
          if (arrays.length == 0) {
            continue;
          }
          Slice s = p.tiles().get(t);
          track(WriteWeightsOp.create(b, m.op().getLoc(), m.weight(), arrays, s.rowOffset(), s.rows(), s.colOffset(),
              s.cols()).op());
          any = true;
        }
      }
      source = segment.op();
      return any;
    }

    private void barrier(Location loc) {
      track(BarrierOp.create(b, loc).op());
    }

    /** Phase 4: one cim op. */
    private void lower(Operation op) {
      Location loc = op.getLoc();
      MmmOp fusedInto = chainProduct.get(op);
      if (fusedInto != null && bands.containsKey(fusedInto.op())) {
        return; // computed in the product's bands
      }
      if (MmmOp.isa(op)) {
        lowerProduct(new MmmOp(op));
      } else if (Im2ColOp.isa(op)) {
        Im2ColOp c = new Im2ColOp(op);
        Placed in = onChip(c.input(), loc);
        PlaceAttr out = outPlace(op);
        Value r = track(dev.dyad.dialect.meta.Im2ColOp.create(b, loc, in.value(), c.window(), out).op()).getResult(0);
        define(c.output(), r, out);
      } else if (Col2ImOp.isa(op)) {
        Col2ImOp c = new Col2ImOp(op);
        List<Value> ins = new ArrayList<>();
        for (Value v : c.inputs()) {
          ins.add(onChip(v, loc).value());
        }
        PlaceAttr out = outPlace(op);
        Value r = track(dev.dyad.dialect.meta.Col2ImOp.create(b, loc, ins, c.shape(), out).op()).getResult(0);
        define(c.output(), r, out);
      } else if (VectorOp.isa(op)) {
        VectorOp v = new VectorOp(op);
        List<Value> ins = new ArrayList<>();
        for (Value in : v.inputs()) {
          ins.add(onChip(in, loc).value());
        }
        PlaceAttr out = outPlace(op);
        Operation meta = track(dev.dyad.dialect.meta.VectorOp.create(b, loc, v.kind(), v.params(), ins,
            op.getResultTypes(), out).op());
        for (int i = 0; i < op.getNumResults(); i++) {
          define(op.getResult(i), meta.getResult(i), out);
        }
      } else {
        throw new IllegalStateException("unexpected op in a segment: " + op.getNameString());
      }
    }

    private void lowerProduct(MmmOp m) {
      Location loc = m.op().getLoc();
      ProductPlan p = products.get(m.op());
      OperatorPlacement where = placement.operators().get(productsBySegment.get(index).indexOf(m));
      if (bands.containsKey(m.op()) && convs.containsKey(m.op())) {
        lowerConvInRowBlocks(m, convs.get(m.op()), p, where, bands.get(m.op()));
        return;
      }
      if (bands.containsKey(m.op())) {
        lowerInRowBlocks(m, p, where, bands.get(m.op()));
        return;
      }
      Placed x = where.memIn().length > 0 ? at(m.input(), PlaceAttr.ofArrays(where.memIn()), loc)
          : onChip(m.input(), loc);
      if (m.runtimeWeights()) {
        Value w = onChip(m.weight(), loc).value();
        for (int t = 0; t < p.tiles().size(); t++) {
          Slice s = p.tiles().get(t);
          track(WriteWeightsOp.create(b, loc, w, where.writesOf(t), s.rowOffset(), s.rows(), s.colOffset(), s.cols(),
              true).op());
        }
      }
      PlaceAttr out = outPlace(m.op());
      List<Value> pieces = new ArrayList<>();
      for (int c = 0; c < p.colTiles(); c++) {
        Value acc = null;
        for (int r = 0; r < p.rowTiles(); r++) {
          int t = r * p.colTiles() + c;
          Slice s = p.tiles().get(t);
          acc = track(MvmOp.create(b, loc, x.value(), acc, where.compute()[t],
              new MvmOp.Slice(s.rowOffset(), s.rows(), s.colOffset(), s.cols()), m.inputZeroPoint(),
              m.weightZeroPoint(), x.place(), out).op()).getResult(0);
        }
        pieces.add(acc);
      }
      Value y = pieces.get(0);
      if (pieces.size() > 1) {
        DictionaryAttr axis = DictionaryAttr.EMPTY.with("axis", CimSupport.i64(1));
        y = track(dev.dyad.dialect.meta.VectorOp.create(b, loc, "nn.concat", axis, pieces,
            List.of(m.output().getType()), out).op()).getResult(0);
      }
      define(m.output(), y, out);
    }

    /**
     * A product too big for the buffer, in {@code n} bands of M: its input stays in external memory
     * (stored there first if it is on the chip), each band's rows are loaded, multiplied tile by tile,
     * passed through the product's row-wise chain and stored into the chain's result in external
     * memory (docs/lowering.md, "Row blocks").
     */
    private void lowerInRowBlocks(MmmOp m, ProductPlan p, OperatorPlacement where, long n) {
      Location loc = m.op().getLoc();
      Value o = origin(m.input());
      Placed in = local.containsKey(o) ? local.get(o) : homeOf(o);
      Value x = in.value();
      if (!in.place().isExternal()) {
        x = track(StoreOp.create(b, loc, x, in.place()).op()).getResult(0);
      }
      RankedTensorType inType = (RankedTensorType) m.input().getType();
      List<VectorOp> chain = chains.get(m.op());
      Value last = chain.isEmpty() ? m.output() : chain.get(chain.size() - 1).op().getResult(0);
      RankedTensorType outType = (RankedTensorType) last.getType();
      long rows = (m.M() + n - 1) / n;
      Value whole = null;
      for (long offset = 0; offset < m.M(); offset += rows) {
        long r = Math.min(rows, m.M() - offset);
        Type sliceType = new RankedTensorType(List.of(r, m.K()), inType.elementType());
        Type bandType = new RankedTensorType(List.of(r, m.N()),
            ((RankedTensorType) m.output().getType()).elementType());
        Value band = track(LoadSliceOp.create(b, loc, x, sliceType, 0, offset, PlaceAttr.BUFFER).op()).getResult(0);
        List<Value> pieces = new ArrayList<>();
        for (int c = 0; c < p.colTiles(); c++) {
          Value acc = null;
          for (int t = c; t < p.tiles().size(); t += p.colTiles()) {
            Slice s = p.tiles().get(t);
            acc = track(MvmOp.create(b, loc, band, acc, where.compute()[t],
                new MvmOp.Slice(s.rowOffset(), s.rows(), s.colOffset(), s.cols()), m.inputZeroPoint(),
                m.weightZeroPoint(), PlaceAttr.BUFFER, PlaceAttr.BUFFER).op()).getResult(0);
          }
          pieces.add(acc);
        }
        Value y = pieces.get(0);
        if (pieces.size() > 1) {
          DictionaryAttr axis = DictionaryAttr.EMPTY.with("axis", CimSupport.i64(1));
          y = track(dev.dyad.dialect.meta.VectorOp.create(b, loc, "nn.concat", axis, pieces, List.of(bandType),
              PlaceAttr.BUFFER).op()).getResult(0);
        }
        Value prev = m.output();
        for (VectorOp v : chain) {
          List<Value> ins = new ArrayList<>();
          for (Value operand : v.inputs()) {
            ins.add(operand == prev ? y : onChip(operand, loc).value());
          }
          RankedTensorType t = (RankedTensorType) v.op().getResult(0).getType();
          Type rowsType = new RankedTensorType(List.of(r, m.N()), t.elementType());
          y = track(dev.dyad.dialect.meta.VectorOp.create(b, loc, v.kind(), v.params(), ins, List.of(rowsType),
              PlaceAttr.BUFFER).op()).getResult(0);
          prev = v.op().getResult(0);
        }
        whole = track(StoreSliceOp.create(b, loc, y, whole, outType, 0, offset, PlaceAttr.BUFFER).op()).getResult(0);
      }
      define(last, whole, PlaceAttr.EXTERNAL);
    }

    /**
     * A convolution too big for the buffer, in {@code n} bands of output-image rows: its input image
     * stays in external memory, each band's input rows (with the halo the kernel needs) are loaded,
     * turned into rows by im2col with the pads of the band's edges, multiplied, reshaped by col2im,
     * passed through the row-wise chain and stored on axis 2 (docs/lowering.md, "Row blocks").
     */
    private void lowerConvInRowBlocks(MmmOp m, Conv conv, ProductPlan p, OperatorPlacement where, long n) {
      Location loc = m.op().getLoc();
      Value o = origin(conv.im2col().input());
      Placed in = local.containsKey(o) ? local.get(o) : homeOf(o);
      Value x = in.value();
      if (!in.place().isExternal()) {
        x = track(StoreOp.create(b, loc, x, in.place()).op()).getResult(0);
      }
      RankedTensorType inType = (RankedTensorType) conv.im2col().input().getType();
      List<Long> inShape = inType.shape();
      long height = inShape.get(2);
      ConvWindow w = conv.im2col().window();
      long[] shape = conv.col2im().shape();
      long outH = shape[2];
      long outW = shape[3];
      List<VectorOp> chain = chains.get(m.op());
      Value last = chain.isEmpty() ? conv.col2im().output() : chain.get(chain.size() - 1).op().getResult(0);
      RankedTensorType outType = (RankedTensorType) last.getType();
      long rows = (outH + n - 1) / n;
      Value whole = null;
      for (long first = 0; first < outH; first += rows) {
        long r = Math.min(rows, outH - first);
        // Input rows of the band's windows, [lo, hi], then clipped to the image: the clipped rows are padding.
        long lo = first * w.strideH() - w.padTop();
        long hi = (first + r - 1) * w.strideH() - w.padTop() + w.dilationH() * (w.kernelH() - 1);
        long from = Math.max(lo, 0);
        long to = Math.min(hi, height - 1);
        ConvWindow bw = new ConvWindow(w.kernelH(), w.kernelW(), w.strideH(), w.strideW(), from - lo, w.padLeft(),
            hi - to, w.padRight(), w.dilationH(), w.dilationW(), w.group(), w.groupIndex(), w.padValue());
        Type sliceType = new RankedTensorType(List.of(inShape.get(0), inShape.get(1), to - from + 1, inShape.get(3)),
            inType.elementType());
        Value slice = track(LoadSliceOp.create(b, loc, x, sliceType, 2, from, PlaceAttr.BUFFER).op()).getResult(0);
        Value cols = track(dev.dyad.dialect.meta.Im2ColOp.create(b, loc, slice, bw, PlaceAttr.BUFFER).op())
            .getResult(0);
        Type bandType = new RankedTensorType(List.of(r * outW, m.N()),
            ((RankedTensorType) m.output().getType()).elementType());
        List<Value> pieces = new ArrayList<>();
        for (int c = 0; c < p.colTiles(); c++) {
          Value acc = null;
          for (int t = c; t < p.tiles().size(); t += p.colTiles()) {
            Slice s = p.tiles().get(t);
            acc = track(MvmOp.create(b, loc, cols, acc, where.compute()[t],
                new MvmOp.Slice(s.rowOffset(), s.rows(), s.colOffset(), s.cols()), m.inputZeroPoint(),
                m.weightZeroPoint(), PlaceAttr.BUFFER, PlaceAttr.BUFFER).op()).getResult(0);
          }
          pieces.add(acc);
        }
        Value y = pieces.get(0);
        if (pieces.size() > 1) {
          DictionaryAttr axis = DictionaryAttr.EMPTY.with("axis", CimSupport.i64(1));
          y = track(dev.dyad.dialect.meta.VectorOp.create(b, loc, "nn.concat", axis, pieces, List.of(bandType),
              PlaceAttr.BUFFER).op()).getResult(0);
        }
        y = track(dev.dyad.dialect.meta.Col2ImOp.create(b, loc, List.of(y), new long[] {shape[0], shape[1], r, outW},
            PlaceAttr.BUFFER).op()).getResult(0);
        Value prev = conv.col2im().output();
        for (VectorOp v : chain) {
          List<Value> ins = new ArrayList<>();
          for (Value operand : v.inputs()) {
            ins.add(operand == prev ? y : onChip(operand, loc).value());
          }
          RankedTensorType t = (RankedTensorType) v.op().getResult(0).getType();
          Type rowsType = new RankedTensorType(List.of(shape[0], shape[1], r, outW), t.elementType());
          y = track(dev.dyad.dialect.meta.VectorOp.create(b, loc, v.kind(), v.params(), ins, List.of(rowsType),
              PlaceAttr.BUFFER).op()).getResult(0);
          prev = v.op().getResult(0);
        }
        whole = track(StoreSliceOp.create(b, loc, y, whole, outType, 2, first, PlaceAttr.BUFFER).op()).getResult(0);
      }
      define(last, whole, PlaceAttr.EXTERNAL);
    }

    /**
     * Where an op's results go: a product's {@code mem_out} arrays; the {@code mem_in} arrays of
     * the first product of this segment that takes the result as its input; else the buffer.
     */
    private PlaceAttr outPlace(Operation op) {
      if (MmmOp.isa(op)) {
        long[] memOut = placement.operators().get(productsBySegment.get(index).indexOf(new MmmOp(op))).memOut();
        return memOut.length > 0 ? PlaceAttr.ofArrays(memOut) : PlaceAttr.BUFFER;
      }
      if (op.getNumResults() != 1) {
        return PlaceAttr.BUFFER;
      }
      List<MmmOp> mmms = productsBySegment.get(index);
      for (int j = 0; j < mmms.size(); j++) {
        long[] memIn = placement.operators().get(j).memIn();
        if (memIn.length > 0 && mmms.get(j).input() == op.getResult(0)) {
          return PlaceAttr.ofArrays(memIn);
        }
      }
      return PlaceAttr.BUFFER;
    }

    /** Records a result, then stores it if the function returns it and yields it if later segments use it. */
    private void define(Value cimValue, Value meta, PlaceAttr place) {
      local.put(cimValue, new Placed(meta, place));
      if (place.isExternal()) { // a product in row blocks: already stored
        if (returned.contains(cimValue)) {
          addYield(meta, cimValue, true);
        }
        TreeSet<Integer> later = usedIn.getOrDefault(cimValue, new TreeSet<>());
        if (later.higher(index) != null) {
          addYield(meta, cimValue, false);
        }
        return;
      }
      Location loc = source.getLoc();
      Value stored = null;
      if (returned.contains(cimValue)) {
        stored = track(StoreOp.create(b, loc, meta, place).op()).getResult(0);
        addYield(stored, cimValue, true);
      }
      TreeSet<Integer> uses = usedIn.getOrDefault(cimValue, new TreeSet<>());
      if (uses.higher(index) == null) {
        return;
      }
      if (place.isArrays()) {
        addYield(meta, cimValue, false); // written back at the start of the next segment
      } else if (spilled.contains(cimValue)) {
        if (stored == null) {
          stored = track(StoreOp.create(b, loc, meta, place).op()).getResult(0);
        }
        addYield(stored, cimValue, false);
      } else {
        keptInBuffer.put(cimValue, meta);
        addYield(meta, cimValue, false);
      }
    }

    private void addYield(Value inner, Value origin, boolean result) {
      yields.computeIfAbsent(inner, k -> new ArrayList<>()).add(new Yield(origin, result));
    }

    /** The value on the chip: defined here, kept in the buffer, or loaded into the buffer now. */
    private Placed onChip(Value cimValue, Location loc) {
      Value o = origin(cimValue);
      Placed p = local.get(o);
      if (p == null) {
        p = homeOf(o);
        if (p.place().isArrays()) {
          throw new IllegalStateException("a value in memory-mode arrays crossed a segment without write-back");
        }
      }
      if (p.place().isExternal()) {
        Value loaded = track(LoadOp.create(b, loc, p.value(), PlaceAttr.BUFFER).op()).getResult(0);
        p = new Placed(loaded, PlaceAttr.BUFFER);
        local.put(o, p);
      }
      return p;
    }

    /** The value at memory-mode arrays {@code want}: loaded, written or moved there once per segment. */
    private Placed at(Value cimValue, PlaceAttr want, Location loc) {
      Value o = origin(cimValue);
      Placed p = local.get(o);
      if (p == null) {
        p = homeOf(o);
      }
      if (p.place().equals(want)) {
        return p;
      }
      Value copy = copies.getOrDefault(o, Map.of()).get(want);
      if (copy != null) {
        return new Placed(copy, want);
      }
      if (p.place().isExternal()) {
        copy = track(LoadOp.create(b, loc, p.value(), want).op()).getResult(0);
      } else if (p.place().isBuffer()) {
        copy = track(WriteOp.create(b, loc, p.value(), arrayIds(want)).op()).getResult(0);
      } else {
        copy = track(MovOp.create(b, loc, p.value(), p.place(), want).op()).getResult(0);
      }
      copies.computeIfAbsent(o, k -> new LinkedHashMap<>()).put(want, copy);
      return new Placed(copy, want);
    }

    /** Where a value not defined in this segment is: kept by an earlier segment, or external. */
    private Placed homeOf(Value o) {
      Placed h = home.get(o);
      if (h != null) {
        return h;
      }
      if (o instanceof BlockArgument || !segmentOf.containsKey(o.getDefiningOp())) {
        return new Placed(o, PlaceAttr.EXTERNAL); // an argument, a constant or prepared weights
      }
      throw new IllegalStateException("value used before the segment that keeps it");
    }

    private Operation track(Operation meta) {
      sourceOf.put(meta, source);
      return meta;
    }
  }

  private static long[] arrayIds(PlaceAttr place) {
    long[] ids = new long[place.arrays().size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = place.arrays().get(i);
    }
    return ids;
  }

  // ---- buffer overflow: spill, or report --------------------------------------------------------

  /**
   * The largest crossing value the buffer keeps across the overflowing point that the op there
   * does not use itself; failing that, any kept value live there; null if none.
   */
  private Value spillCandidate(Occupancy.Overflow overflow) {
    Value best = null;
    long bestBits = -1;
    boolean bestUnused = false;
    for (Map.Entry<Value, Value> e : keptInBuffer.entrySet()) {
      Value meta = e.getValue();
      if (!overflow.live().contains(meta) || spilled.contains(e.getKey())) {
        continue;
      }
      boolean unused = !overflow.usedAt().contains(meta);
      long bits = TensorBits.of(meta);
      if ((unused && !bestUnused) || (unused == bestUnused && bits > bestBits)) {
        best = e.getKey();
        bestBits = bits;
        bestUnused = unused;
      }
    }
    return best;
  }

  /**
   * The product to split into (more) row blocks at a buffer overflow: the op there comes from a
   * plain product (no memory-mode arrays, constant weights) whose bands are not yet single rows.
   */
  private MmmOp bandCandidate(Occupancy.Overflow overflow) {
    Operation cim = sourceOf.get(overflow.at());
    if (cim != null && chainProduct.containsKey(cim)) {
      cim = chainProduct.get(cim).op(); // a row-wise op after a product: banded with it
    }
    if (cim == null || !MmmOp.isa(cim)) {
      return null;
    }
    MmmOp m = new MmmOp(cim);
    int s = segmentOf.get(cim);
    OperatorPlacement where = placements.get(s).operators().get(productsBySegment.get(s).indexOf(m));
    if (m.runtimeWeights() || where.memIn().length > 0 || where.memOut().length > 0
        || bands.getOrDefault(cim, 1L) >= bandUnits(cim)) {
      return null;
    }
    return m;
  }

  private void report(Occupancy.Overflow overflow) {
    Operation cim = sourceOf.getOrDefault(overflow.at(), func);
    if (overflow.isBuffer()) {
      ctx.emitOpError(cim, "needs " + overflow.bits() + " bits of the on-chip buffer at once (its operands, results"
          + " and the values kept for later segments), but '" + arch.name() + "' has buffer_bits = "
          + overflow.capacity() + "; " + (bands.containsKey(cim) ? "even row blocks of one row do not fit"
          : "cim-to-meta splits into row blocks only products (cim.mmm) without memory-mode arrays or run-time"
          + " weights"));
    } else {
      ctx.emitOpError(cim, "needs " + overflow.bits() + " bits of memory-mode array " + overflow.array()
          + " at once, but an array of '" + arch.name() + "' holds memory_capacity_bits = " + overflow.capacity());
    }
  }

  // ---- installing the result ------------------------------------------------------------------

  private void install(Block scratch) {
    terminator.erase();
    for (int s = segments.size() - 1; s >= 0; s--) {
      Operation op = segments.get(s).op();
      op.dropAllReferences();
      for (OpResult r : op.getResults()) {
        if (!r.useEmpty()) {
          throw new IllegalStateException("a cim.segment result is still used after lowering");
        }
      }
      op.erase();
    }
    for (Operation op : scratch.getOpsList()) {
      op.remove();
      body.append(op);
    }
  }

  private static void discard(Block scratch) {
    for (Operation op : scratch.getOpsList()) {
      op.dropAllReferences();
    }
  }

  private Counts counts() {
    int written = 0;
    int toMemory = 0;
    int toCompute = 0;
    for (SegmentPlacement p : placements) {
      written += p.weightWrites();
      toMemory += p.toMemory().length;
      toCompute += p.toCompute().length;
    }
    long banded = 0;
    for (Map.Entry<Operation, Long> e : bands.entrySet()) {
      long m = bandUnits(e.getKey());
      long rows = (m + e.getValue() - 1) / e.getValue();
      banded += (m + rows - 1) / rows; // blocks of ⌈M / n⌉ rows, the last one shorter
    }
    return new Counts(segments.size(), written, toMemory, toCompute, spilled.size(), bands.size(), banded);
  }
}
