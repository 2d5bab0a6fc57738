package dev.dyad.runtime.cim;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.dialect.cim.ArchAttr;
import dev.dyad.dialect.cim.ConvWindow;
import dev.dyad.dialect.meta.BarrierOp;
import dev.dyad.dialect.meta.Col2ImOp;
import dev.dyad.dialect.meta.Im2ColOp;
import dev.dyad.dialect.meta.LoadOp;
import dev.dyad.dialect.meta.LoadSliceOp;
import dev.dyad.dialect.meta.MetaDialect;
import dev.dyad.dialect.meta.MovOp;
import dev.dyad.dialect.meta.MvmOp;
import dev.dyad.dialect.meta.PlaceAttr;
import dev.dyad.dialect.meta.ReadOp;
import dev.dyad.dialect.meta.SegmentOp;
import dev.dyad.dialect.meta.StoreOp;
import dev.dyad.dialect.meta.StoreSliceOp;
import dev.dyad.dialect.meta.SwitchOp;
import dev.dyad.dialect.meta.VectorOp;
import dev.dyad.dialect.meta.WriteOp;
import dev.dyad.dialect.meta.WriteWeightsOp;
import dev.dyad.dialect.meta.YieldOp;
import dev.dyad.dialect.nn.ConstantOp;
import dev.dyad.ir.AsmPrinter;
import dev.dyad.ir.Block;
import dev.dyad.ir.Operation;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import dev.dyad.runtime.kernels.ConvLayout;
import dev.dyad.runtime.reference.InterpreterException;
import dev.dyad.runtime.reference.NnInterpreter;
import dev.dyad.runtime.reference.NnKernels;
import dev.dyad.runtime.reference.Tensors;
import dev.dyad.runtime.tensor.KernelException;
import dev.dyad.runtime.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The CIM interpreter: runs a {@code meta} program (a {@code func.func} of meta ops, weight
 * constants and {@code func.return}) on a chip described by a {@link HardwareDescription},
 * functionally (bit-exact with the nn reference on quantized programs) and with the timing model
 * of docs/dialects/meta.md plus pipeline fill and drain (docs/cim-interpreter.md). Every check of
 * the chip's state is a {@link CimException} at the op at fault.
 */
public final class CimInterpreter {
  private final HardwareDescription arch;
  private final Path weightsDir;
  private final boolean timingOnly;

  /**
   * @param weightsDir where {@code #nn.weights} files are found (null: the working directory)
   * @param timingOnly when true, no weight or activation is ever materialised: shapes, places and
   *     the chip's state only, with the same checks and the same timing as a full run
   */
  public CimInterpreter(HardwareDescription arch, Path weightsDir, boolean timingOnly) {
    this.arch = arch;
    this.weightsDir = weightsDir;
    this.timingOnly = timingOnly;
  }

  /** The hardware description a module was compiled for ({@code cim.arch}), or null. */
  public static HardwareDescription archOf(Operation module) {
    Attribute a = module.getAttr(ArchAttr.MODULE_ATTRIBUTE);
    return a instanceof ArchAttr arch ? arch.description() : null;
  }

  /** Whether {@code func} holds any meta op (else it is an nn program, or something else). */
  public static boolean isMetaProgram(Operation func) {
    boolean[] found = {false};
    func.walk(op -> found[0] |= op.getNameString().startsWith(MetaDialect.NAMESPACE + "."));
    return found[0];
  }

  public HardwareDescription arch() {
    return arch;
  }

  /**
   * Runs {@code func} on {@code inputs} (ignored, and may be empty, in a timing-only run).
   *
   * @throws CimException when the program breaks a rule of the chip, an input does not fit, or a
   *     kernel rejects its operands
   */
  public CimResult run(Operation func, List<Tensor> inputs) throws CimException {
    return new Execution(func).run(inputs);
  }

  /** One run: the values, the chip and the records for the timing model. */
  private final class Execution {
    private final Operation func;
    private final ChipState chip = new ChipState(arch);
    private final NnInterpreter constants = new NnInterpreter(weightsDir);
    private final Map<Operation, Integer> index = new IdentityHashMap<>();
    private final Map<Value, Integer> lastUse = new IdentityHashMap<>();
    private final Map<Value, Datum> env = new IdentityHashMap<>();
    private final Map<Value, OpRecord> producedBy = new IdentityHashMap<>();
    private final Map<Value, Integer> weightPorts = new IdentityHashMap<>();
    /** The last meta.write_weights of each array: an mvm in the same phase (run-time weights) waits for it. */
    private final Map<Long, OpRecord> lastWeightWrite = new HashMap<>();
    private final PriorityQueue<Datum> live = new PriorityQueue<>((a, b) -> Integer.compare(a.lastUse(),
        b.lastUse()));
    private final List<TimingModel.Item> items = new ArrayList<>();
    private long segmentId = -1;
    private int phase;
    private List<List<OpRecord>> phases;

    Execution(Operation func) {
      this.func = func;
    }

    CimResult run(List<Tensor> inputs) throws CimException {
      if (func.getNumRegions() != 1 || func.getRegion(0).getBlocks().size() != 1) {
        throw new CimException(func.getLoc(), "expected a function with a single-block body");
      }
      Block body = func.getRegion(0).front();
      number(body);
      bindInputs(body, inputs);
      for (Operation op : body.getOperations()) {
        String name = op.getNameString();
        if (name.equals("func.return")) {
          List<Tensor> outputs = outputs(op);
          Schedule schedule = TimingModel.schedule(arch, items);
          return new CimResult(timingOnly ? List.of() : outputs, chip, schedule);
        }
        if (SegmentOp.isa(op)) {
          segment(new SegmentOp(op));
        } else if (!name.equals(BarrierOp.NAME)) {
          OpRecord r = execute(op);
          if (r != null) {
            items.add(new TimingModel.TopOp(r));
          }
        }
        release(index.get(op));
      }
      throw new CimException(func.getLoc(), "function body has no 'func.return'");
    }

    /** Numbers the ops in program order and finds each value's last use (through segment results). */
    private void number(Block body) {
      List<SegmentOp> segments = new ArrayList<>();
      for (Operation op : body.getOperations()) {
        numberOp(op);
        if (SegmentOp.isa(op)) {
          segments.add(new SegmentOp(op));
          for (Operation inner : op.getRegion(0).front().getOperations()) {
            numberOp(inner);
          }
        }
      }
      // A segment's result is the value its yield yields: that value lives as long as both.
      for (int s = segments.size() - 1; s >= 0; s--) {
        SegmentOp seg = segments.get(s);
        Operation yield = seg.body().back();
        for (int i = 0; i < seg.results().size() && i < yield.getNumOperands(); i++) {
          Integer resultUse = lastUse.get(seg.results().get(i));
          if (resultUse != null) {
            lastUse.merge(yield.getOperand(i), resultUse, Math::max);
          }
        }
      }
    }

    private void numberOp(Operation op) {
      int i = index.size();
      index.put(op, i);
      for (Value v : op.getOperands()) {
        lastUse.put(v, i);
      }
    }

    private void bindInputs(Block body, List<Tensor> inputs) throws CimException {
      if (!timingOnly && inputs.size() != body.getNumArguments()) {
        throw new CimException(func.getLoc(), "expected " + body.getNumArguments() + " inputs, got " + inputs.size());
      }
      for (int i = 0; i < body.getNumArguments(); i++) {
        Value arg = body.getArgument(i);
        RankedTensorType type = tensorType(func, arg, "input #" + i);
        Tensor t = timingOnly ? null : inputs.get(i);
        if (t != null && (Tensors.dtype(type.elementType()) != t.dtype()
            || !Arrays.equals(Tensors.shape(type), t.shape()))) {
          throw new CimException(func.getLoc(), "input #" + i + " of type " + AsmPrinter.toString(type)
              + " got a tensor of " + t.dtype() + Arrays.toString(t.shape()));
        }
        env.put(arg, new Datum(PlaceAttr.EXTERNAL, type, bits(type), -1, t));
      }
    }

    private List<Tensor> outputs(Operation ret) throws CimException {
      List<Tensor> out = new ArrayList<>();
      for (Value v : ret.getOperands()) {
        Datum d = use(ret, v);
        if (!d.place().isExternal()) {
          throw new CimException(ret.getLoc(), "'func.return' returns a value at " + d.place()
              + ": meta.store it to external memory first");
        }
        out.add(d.tensor());
      }
      return out;
    }

    private void segment(SegmentOp seg) throws CimException {
      segmentId = seg.id();
      phase = 0;
      phases = new ArrayList<>();
      phases.add(new ArrayList<>());
      for (Operation op : seg.body().getOperations()) {
        if (YieldOp.NAME.equals(op.getNameString())) {
          for (int i = 0; i < op.getNumOperands(); i++) {
            Datum d = use(op, op.getOperand(i));
            env.put(seg.results().get(i), d);
            OpRecord producer = producedBy.get(op.getOperand(i));
            if (producer != null) {
              producedBy.put(seg.results().get(i), producer);
            }
          }
        } else if (BarrierOp.NAME.equals(op.getNameString())) {
          phase++;
          phases.add(new ArrayList<>());
        } else {
          OpRecord r = execute(op);
          if (r != null) {
            phases.get(phase).add(r);
          }
        }
        release(index.get(op));
      }
      items.add(new TimingModel.Segment(seg.id(), seg.op(), phases));
      segmentId = -1;
      phase = 0;
      phases = null;
    }

    /** Frees the on-chip data whose last use is at or before op {@code i}. */
    private void release(int i) {
      while (!live.isEmpty() && live.peek().lastUse() <= i) {
        chip.remove(live.poll());
      }
    }

    /** Runs one op (not a segment, barrier or yield); returns its timing record, or null. */
    private OpRecord execute(Operation op) throws CimException {
      String name = op.getNameString();
      return switch (name) {
        case ConstantOp.NAME -> constant(op);
        case SwitchOp.NAME -> switchMode(new SwitchOp(op));
        case WriteWeightsOp.NAME -> writeWeights(new WriteWeightsOp(op));
        case MvmOp.NAME -> mvm(new MvmOp(op));
        case LoadOp.NAME -> load(new LoadOp(op));
        case StoreOp.NAME -> store(new StoreOp(op));
        case LoadSliceOp.NAME -> loadSlice(new LoadSliceOp(op));
        case StoreSliceOp.NAME -> storeSlice(new StoreSliceOp(op));
        case ReadOp.NAME -> read(new ReadOp(op));
        case WriteOp.NAME -> write(new WriteOp(op));
        case MovOp.NAME -> mov(new MovOp(op));
        case VectorOp.NAME -> vector(new VectorOp(op));
        case Im2ColOp.NAME -> im2col(new Im2ColOp(op));
        case Col2ImOp.NAME -> col2im(new Col2ImOp(op));
        default -> throw new CimException(op.getLoc(), "the CIM interpreter cannot run '" + name + "'"
            + (name.startsWith("nn.") ? ": lower the nn program to meta first (nn-to-cim, cim-to-meta)" : ""));
      };
    }

    private OpRecord constant(Operation op) throws CimException {
      ConstantOp c = new ConstantOp(op);
      RankedTensorType type = tensorType(op, c.output(), "the constant");
      Tensor t = null;
      if (!timingOnly) {
        try {
          t = constants.constant(c);
        } catch (InterpreterException e) {
          throw new CimException(e.location(), e.getMessage(), e);
        }
      }
      env.put(c.output(), new Datum(PlaceAttr.EXTERNAL, type, bits(type), lastUse(c.output(), op), t));
      return null;
    }

    // ---- reconfiguration ----------------------------------------------------------------------

    private OpRecord switchMode(SwitchOp s) throws CimException {
      Operation op = s.op();
      long[] ids = s.arrays();
      checkIds(op, ids);
      boolean toMemory = !s.toCompute();
      String mode = toMemory ? "memory" : "compute";
      if (toMemory && !arch.dualMode()) {
        throw new CimException(op.getLoc(), "'meta.switch' switches arrays to memory mode, but the chip '"
            + arch.name() + "' is not dual-mode");
      }
      for (long id : ids) {
        if (chip.isMemoryMode((int) id) == toMemory) {
          throw new CimException(op.getLoc(), "'meta.switch' switches array " + id + " to " + mode
              + " mode, which it is in already");
        }
      }
      long latency = toMemory ? arch.switchToMemoryCycles() : arch.switchToComputeCycles();
      Demands d = new Demands().add(Resource.SWITCH_CONTROLLER, Rational.of(ids.length * latency));
      for (long id : ids) {
        for (Datum lost : chip.switchMode((int) id, toMemory)) {
          lost.markLost("array " + id + " switched to " + mode + " mode");
        }
        d.add(Resource.array((int) id), Rational.of(latency));
      }
      return record(op, d, OpRecord.Category.SWITCH, 1, List.of());
    }

    private OpRecord writeWeights(WriteWeightsOp w) throws CimException {
      Operation op = w.op();
      long[] ids = w.arrays();
      checkIds(op, ids);
      if (w.rows() > arch.rows()) {
        throw new CimException(op.getLoc(), "'meta.write_weights' writes " + w.rows() + " weight rows, but an array"
            + " has " + arch.rows() + " rows");
      }
      long cells = w.cols() * arch.cellsPerWeight();
      if (cells > arch.cols()) {
        throw new CimException(op.getLoc(), "'meta.write_weights' writes " + w.cols() + " weight columns, " + cells
            + " cells at " + arch.cellsPerWeight() + " per weight, but an array has " + arch.cols() + " columns");
      }
      for (long id : ids) {
        if (chip.isMemoryMode((int) id)) {
          throw new CimException(op.getLoc(), "'meta.write_weights' writes weights into array " + id
              + ", which is in memory mode");
        }
      }
      Datum weight = use(op, w.weight());
      PackedWeights packed = timingOnly ? null : PackedWeights.pack(weight.tensor(), (int) w.rowOffset(),
          (int) w.rows(), (int) w.colOffset(), (int) w.cols());
      WeightSlice slice = new WeightSlice(w.weight(), w.rowOffset(), w.rows(), w.colOffset(), w.cols(), packed);
      long t = Rational.of(arch.weightWriteArrayCycles() * w.rows(), arch.rows()).ceil();
      Demands d = new Demands();
      for (long id : ids) {
        chip.writeWeights((int) id, slice);
        d.add(Resource.array((int) id), Rational.of(t));
      }
      // The slice's bits come from where the weight is: external memory for a constant, the buffer
      // or memory-mode arrays for a run-time weight (runtime_weights).
      long sliceBits = w.rows() * w.cols() * arch.weightBits();
      switch (arch.weightReloadModel()) {
        case EQ2 -> d.add(weightPort(w.weight()), Rational.of(ids.length * t));
        case BANDWIDTH -> move(d, weight.place(), sliceBits);
        case MAX -> {
          d.add(weightPort(w.weight()), Rational.of(ids.length * t));
          move(d, weight.place(), sliceBits);
        }
        default -> throw new IllegalStateException("unknown weight reload model " + arch.weightReloadModel());
      }
      // A run-time weight is written once computed: its producer comes first in the pipeline.
      OpRecord r = record(op, d, OpRecord.Category.WEIGHT_WRITE, 1, producers(List.of(w.weight())));
      for (long id : ids) {
        lastWeightWrite.put(id, r);
      }
      return r;
    }

    private Resource weightPort(Value weight) {
      int port = weightPorts.computeIfAbsent(weight, v -> weightPorts.size());
      Operation def = weight.getDefiningOp();
      return Resource.weightPort(port, def != null ? Locations.brief(def.getLoc()) : "argument");
    }

    // ---- matrix-vector products ----------------------------------------------------------------

    private OpRecord mvm(MvmOp m) throws CimException {
      Operation op = m.op();
      long[] ids = m.arrays();
      checkIds(op, ids);
      checkPlaceIds(op, m.inBuffer());
      checkPlaceIds(op, m.outBuffer());
      Datum x = use(op, m.input());
      if (!samePlace(x.place(), m.inBuffer())) {
        throw new CimException(op.getLoc(), "'meta.mvm' reads its input at " + m.inBuffer() + " (in_buffer), but"
            + " the value is at " + x.place());
      }
      Datum acc = m.acc() == null ? null : use(op, m.acc());
      if (acc != null && !samePlace(acc.place(), m.outBuffer())) {
        throw new CimException(op.getLoc(), "'meta.mvm' accumulates at " + m.outBuffer() + " (out_buffer), but %acc"
            + " is at " + acc.place());
      }
      MvmOp.Slice s = m.slice();
      WeightSlice held = heldSlice(m, ids, s);
      Type xElement = x.type().elementType();
      Type wElement = ((RankedTensorType) held.weight().getType()).elementType();
      if (!xElement.equals(wElement)) {
        throw new CimException(op.getLoc(), "'meta.mvm' multiplies " + AsmPrinter.toString(xElement) + " inputs by"
            + " the " + AsmPrinter.toString(wElement) + " weights that array " + ids[0] + " holds");
      }
      RankedTensorType resultType = (RankedTensorType) m.output().getType();
      long rows = m.M();
      checkRoom(op, m.outBuffer(), bits(resultType));
      Tensor result = timingOnly ? null : multiply(m, x, acc, held.packed());
      define(op, m.output(), m.outBuffer(), result);
      Demands d = new Demands();
      long steps = (rows + ids.length - 1) / ids.length;
      for (long id : ids) {
        d.add(Resource.array((int) id), Rational.of(steps * arch.mvmCycles()));
      }
      move(d, m.inBuffer(), rows * s.rows() * elementBits(xElement));
      move(d, m.outBuffer(), rows * s.cols() * elementBits(resultType.elementType()) * (acc != null ? 2 : 1));
      List<Value> dataOperands = List.of(m.input());
      List<OpRecord> after = producers(dataOperands);
      for (long id : ids) {
        OpRecord write = lastWeightWrite.get(id);
        if (write != null && write.segment == segmentId && write.phase == phase && !after.contains(write)) {
          after.add(write);
        }
      }
      return record(op, d, OpRecord.Category.MVM, steps, after);
    }

    /** The slice the op's arrays hold, after checking that they all hold exactly the op's slice. */
    private WeightSlice heldSlice(MvmOp m, long[] ids, MvmOp.Slice s) throws CimException {
      Operation op = m.op();
      WeightSlice first = null;
      for (long id : ids) {
        if (chip.isMemoryMode((int) id)) {
          throw new CimException(op.getLoc(), "'meta.mvm' uses array " + id + ", which is in memory mode");
        }
        WeightSlice held = chip.weights((int) id);
        if (held == null) {
          throw new CimException(op.getLoc(), "'meta.mvm' uses array " + id + ", which holds no weights");
        }
        WeightSlice wanted = new WeightSlice(held.weight(), s.rowOffset(), s.rows(), s.colOffset(), s.cols(), null);
        if (!held.sameSlice(wanted)) {
          throw new CimException(op.getLoc(), "'meta.mvm' uses array " + id + ", which holds " + held.describe()
              + " of its weight, but the op multiplies by " + wanted.describe());
        }
        if (first != null && first.weight() != held.weight()) {
          throw new CimException(op.getLoc(), "'meta.mvm' uses arrays " + ids[0] + " and " + id
              + ", which hold slices of different weights");
        }
        if (first == null) {
          first = held;
        }
      }
      return first;
    }

    private Tensor multiply(MvmOp m, Datum x, Datum acc, PackedWeights w) {
      int rows = (int) m.M();
      int kx = x.type().shape().get(1).intValue();
      int cols = (int) m.slice().cols();
      int rowOffset = (int) m.slice().rowOffset();
      if (w.isInteger()) {
        int[] accData = acc == null ? null : acc.tensor().toIntArray();
        int[] y = w.mvm(x.i8(), rows, kx, rowOffset, (int) m.inputZeroPoint(), (int) m.weightZeroPoint(), accData);
        return Tensor.wrapInts(new int[] {rows, cols}, y);
      }
      float[] accData = acc == null ? null : acc.tensor().toFloatArray();
      return Tensor.wrapFloats(new int[] {rows, cols}, w.mvm(x.f32(), rows, kx, rowOffset, accData));
    }

    // ---- data movement ---------------------------------------------------------------------------

    private OpRecord load(LoadOp l) throws CimException {
      Operation op = l.op();
      checkPlaceIds(op, l.to());
      Datum x = use(op, l.input());
      if (!x.place().isExternal()) {
        throw new CimException(op.getLoc(), "'meta.load' loads from external memory, but the value is at "
            + x.place());
      }
      long b = x.bits();
      checkRoom(op, l.to(), b);
      define(op, l.output(), l.to(), x.tensor());
      Demands d = new Demands().add(Resource.EXTERNAL_LINK, externalBits(b));
      if (l.to().isArrays()) {
        d.add(Resource.BUS, busBits(b));
        ports(d, l.to(), b);
      }
      return record(op, d, OpRecord.Category.DATA_MOVEMENT, rows(x.type()), producers(op.getOperands()));
    }

    private OpRecord store(StoreOp s) throws CimException {
      Operation op = s.op();
      checkPlaceIds(op, s.from());
      Datum x = use(op, s.input());
      if (!samePlace(x.place(), s.from())) {
        throw new CimException(op.getLoc(), "'meta.store' stores from " + s.from() + ", but the value is at "
            + x.place());
      }
      long b = x.bits();
      define(op, s.output(), PlaceAttr.EXTERNAL, x.tensor());
      Demands d = new Demands().add(Resource.EXTERNAL_LINK, externalBits(b));
      if (s.from().isArrays()) {
        d.add(Resource.BUS, busBits(b));
        ports(d, s.from(), b);
      }
      return record(op, d, OpRecord.Category.DATA_MOVEMENT, rows(x.type()), producers(op.getOperands()));
    }

    /** As {@link #load}, for the slice only: its bits cross the link and take room on the chip. */
    private OpRecord loadSlice(LoadSliceOp l) throws CimException {
      Operation op = l.op();
      checkPlaceIds(op, l.to());
      Datum x = use(op, l.input());
      if (!x.place().isExternal()) {
        throw new CimException(op.getLoc(), "'meta.load_slice' loads from external memory, but the value is at "
            + x.place());
      }
      RankedTensorType type = tensorType(op, l.output(), "the slice");
      long b = bits(type);
      checkRoom(op, l.to(), b);
      Tensor t = timingOnly ? null : TensorSlices.slice(x.tensor(), (int) l.axis(), (int) l.offset(),
          type.shape().get((int) l.axis()).intValue());
      define(op, l.output(), l.to(), t);
      Demands d = new Demands().add(Resource.EXTERNAL_LINK, externalBits(b));
      if (l.to().isArrays()) {
        d.add(Resource.BUS, busBits(b));
        ports(d, l.to(), b);
      }
      return record(op, d, OpRecord.Category.DATA_MOVEMENT, rows(type), producers(op.getOperands()));
    }

    /** As {@link #store}, for the block only; the destination stays in external memory. */
    private OpRecord storeSlice(StoreSliceOp s) throws CimException {
      Operation op = s.op();
      checkPlaceIds(op, s.from());
      Datum x = use(op, s.input());
      if (!samePlace(x.place(), s.from())) {
        throw new CimException(op.getLoc(), "'meta.store_slice' stores from " + s.from() + ", but the value is at "
            + x.place());
      }
      Datum dest = s.dest() == null ? null : use(op, s.dest());
      if (dest != null && !dest.place().isExternal()) {
        throw new CimException(op.getLoc(), "'meta.store_slice' stores into a tensor in external memory, but the"
            + " destination is at " + dest.place());
      }
      RankedTensorType whole = tensorType(op, s.output(), "the result");
      Tensor t = null;
      if (!timingOnly) {
        int[] shape = new int[whole.rank()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = whole.shape().get(i).intValue();
        }
        t = TensorSlices.insert(dest == null ? null : dest.tensor(), x.tensor(), shape, (int) s.axis(),
            (int) s.offset());
      }
      long b = x.bits();
      define(op, s.output(), PlaceAttr.EXTERNAL, t);
      Demands d = new Demands().add(Resource.EXTERNAL_LINK, externalBits(b));
      if (s.from().isArrays()) {
        d.add(Resource.BUS, busBits(b));
        ports(d, s.from(), b);
      }
      return record(op, d, OpRecord.Category.DATA_MOVEMENT, rows(x.type()), producers(op.getOperands()));
    }

    private OpRecord read(ReadOp r) throws CimException {
      Operation op = r.op();
      long[] ids = r.arrays();
      checkIds(op, ids);
      PlaceAttr from = PlaceAttr.ofArrays(ids);
      Datum x = use(op, r.input());
      if (!samePlace(x.place(), from)) {
        throw new CimException(op.getLoc(), "'meta.read' reads from " + from + ", but the value is at " + x.place());
      }
      long b = x.bits();
      checkRoom(op, PlaceAttr.BUFFER, b);
      define(op, r.output(), PlaceAttr.BUFFER, x.tensor());
      Demands d = new Demands().add(Resource.BUS, busBits(b));
      ports(d, from, b);
      return record(op, d, OpRecord.Category.DATA_MOVEMENT, rows(x.type()), producers(op.getOperands()));
    }

    private OpRecord write(WriteOp w) throws CimException {
      Operation op = w.op();
      long[] ids = w.arrays();
      checkIds(op, ids);
      PlaceAttr to = PlaceAttr.ofArrays(ids);
      Datum x = onChip(op, w.input(), "its operand");
      if (!x.place().isBuffer()) {
        throw new CimException(op.getLoc(), "'meta.write' writes from the buffer, but the value is at " + x.place()
            + ": meta.mov moves data between arrays");
      }
      long b = x.bits();
      checkRoom(op, to, b);
      define(op, w.output(), to, x.tensor());
      Demands d = new Demands().add(Resource.BUS, busBits(b));
      ports(d, to, b);
      return record(op, d, OpRecord.Category.DATA_MOVEMENT, rows(x.type()), producers(op.getOperands()));
    }

    private OpRecord mov(MovOp m) throws CimException {
      Operation op = m.op();
      checkPlaceIds(op, m.from());
      checkPlaceIds(op, m.to());
      Datum x = use(op, m.input());
      if (!samePlace(x.place(), m.from())) {
        throw new CimException(op.getLoc(), "'meta.mov' moves from " + m.from() + ", but the value is at "
            + x.place());
      }
      long b = x.bits();
      checkRoom(op, m.to(), b);
      define(op, m.output(), m.to(), x.tensor());
      Demands d = new Demands();
      if (m.from().isBuffer()) {
        d.add(Resource.BUS, busBits(b));
      } else {
        ports(d, m.from(), b);
        ports(d, m.to(), b);
      }
      return record(op, d, OpRecord.Category.DATA_MOVEMENT, rows(x.type()), producers(op.getOperands()));
    }

    // ---- vector-unit work -------------------------------------------------------------------------

    private OpRecord vector(VectorOp v) throws CimException {
      Operation op = v.op();
      checkPlaceIds(op, v.outBuffer());
      String kind = v.kind();
      List<Datum> in = new ArrayList<>();
      for (int i = 0; i < op.getNumOperands(); i++) {
        in.add(onChip(op, op.getOperand(i), "operand #" + i));
      }
      VectorWork.checkTypes(op, kind, v.params());
      List<Tensor> results = null;
      if (!timingOnly) {
        List<Tensor> operands = new ArrayList<>();
        for (Datum d : in) {
          operands.add(d.tensor());
        }
        try {
          results = NnKernels.evaluate(kind, v.params(), operands, op.getResultTypes());
        } catch (KernelException | ArithmeticException | IllegalArgumentException e) {
          throw new CimException(op.getLoc(), "'meta.vector' (" + kind + "): " + e.getMessage(), e);
        }
      }
      long resultBits = 0;
      for (Value r : op.getResults()) {
        resultBits += bits(tensorType(op, r, "a result"));
      }
      checkRoom(op, v.outBuffer(), resultBits);
      for (int i = 0; i < op.getNumResults(); i++) {
        Tensor t = results == null ? null : checked(op, i, results.get(i));
        define(op, op.getResult(i), v.outBuffer(), t);
      }
      Rational work = Rational.of(VectorWork.work(op, kind, v.params()));
      Demands d = new Demands().add(Resource.VECTOR_UNIT,
          work.dividedBy(Rational.ofDecimal(arch.vectorElementsPerCycle())));
      arrayTraffic(d, op, in, v.outBuffer(), resultBits);
      return record(op, d, OpRecord.Category.VECTOR, largestRows(op), producers(op.getOperands()));
    }

    private OpRecord im2col(Im2ColOp c) throws CimException {
      Operation op = c.op();
      checkPlaceIds(op, c.outBuffer());
      Datum x = onChip(op, c.input(), "its operand");
      RankedTensorType resultType = (RankedTensorType) c.output().getType();
      long resultBits = bits(resultType);
      checkRoom(op, c.outBuffer(), resultBits);
      Tensor t = null;
      if (!timingOnly) {
        ConvWindow w = c.window();
        try {
          t = checked(op, 0, ConvLayout.im2col(x.tensor(), new ConvLayout.Window((int) w.kernelH(),
              (int) w.kernelW(), (int) w.strideH(), (int) w.strideW(), (int) w.padTop(), (int) w.padLeft(),
              (int) w.padBottom(), (int) w.padRight(), (int) w.dilationH(), (int) w.dilationW(), (int) w.group(),
              (int) w.groupIndex(), w.padValue())));
        } catch (KernelException | ArithmeticException e) {
          throw new CimException(op.getLoc(), "'meta.im2col': " + e.getMessage(), e);
        }
      }
      define(op, c.output(), c.outBuffer(), t);
      Demands d = new Demands().add(Resource.VECTOR_UNIT, Rational.of(elements(resultType))
          .dividedBy(Rational.ofDecimal(arch.vectorElementsPerCycle())));
      arrayTraffic(d, op, List.of(x), c.outBuffer(), resultBits);
      return record(op, d, OpRecord.Category.VECTOR, largestRows(op), producers(op.getOperands()));
    }

    private OpRecord col2im(Col2ImOp c) throws CimException {
      Operation op = c.op();
      checkPlaceIds(op, c.outBuffer());
      List<Datum> in = new ArrayList<>();
      for (int i = 0; i < op.getNumOperands(); i++) {
        in.add(onChip(op, op.getOperand(i), "operand #" + i));
      }
      RankedTensorType resultType = (RankedTensorType) c.output().getType();
      long resultBits = bits(resultType);
      checkRoom(op, c.outBuffer(), resultBits);
      Tensor t = null;
      if (!timingOnly) {
        List<Tensor> groups = new ArrayList<>();
        for (Datum d : in) {
          groups.add(d.tensor());
        }
        try {
          t = checked(op, 0, ConvLayout.col2im(groups, Tensors.shape(resultType)));
        } catch (KernelException | ArithmeticException e) {
          throw new CimException(op.getLoc(), "'meta.col2im': " + e.getMessage(), e);
        }
      }
      define(op, c.output(), c.outBuffer(), t);
      Demands d = new Demands().add(Resource.VECTOR_UNIT, Rational.of(elements(resultType))
          .dividedBy(Rational.ofDecimal(arch.vectorElementsPerCycle())));
      arrayTraffic(d, op, in, c.outBuffer(), resultBits);
      return record(op, d, OpRecord.Category.VECTOR, largestRows(op), producers(op.getOperands()));
    }

    /** Operands or results in memory-mode arrays also cost the bus and the arrays' ports. */
    private void arrayTraffic(Demands d, Operation op, List<Datum> in, PlaceAttr out, long resultBits) {
      for (Datum x : in) {
        if (x.place().isArrays()) {
          d.add(Resource.BUS, busBits(x.bits()));
          ports(d, x.place(), x.bits());
        }
      }
      if (out.isArrays()) {
        d.add(Resource.BUS, busBits(resultBits));
        ports(d, out, resultBits);
      }
    }

    private Tensor checked(Operation op, int result, Tensor t) throws CimException {
      try {
        NnInterpreter.checkType(op, "result #" + result, op.getResult(result).getType(), t);
      } catch (InterpreterException e) {
        throw new CimException(op.getLoc(), "'" + op.getNameString() + "' " + e.getMessage(), e);
      }
      return t;
    }

    // ---- values, places and capacity ----------------------------------------------------------------

    private Datum use(Operation op, Value v) throws CimException {
      Datum d = env.get(v);
      if (d == null) {
        throw new CimException(op.getLoc(), "'" + op.getNameString() + "' uses a value the interpreter has not"
            + " computed (defined by an op it does not run)");
      }
      if (d.lost() != null) {
        throw new CimException(op.getLoc(), "'" + op.getNameString() + "' uses a value whose data was lost when "
            + d.lost());
      }
      return d;
    }

    /** A value the op needs on the chip (the buffer or memory-mode arrays). */
    private Datum onChip(Operation op, Value v, String what) throws CimException {
      Datum d = use(op, v);
      if (d.place().isExternal()) {
        throw new CimException(op.getLoc(), "'" + op.getNameString() + "' needs " + what + " on the chip, but it is"
            + " in external memory: meta.load it first");
      }
      return d;
    }

    private void checkIds(Operation op, long[] ids) throws CimException {
      for (long id : ids) {
        if (id >= arch.arrays()) {
          throw new CimException(op.getLoc(), "'" + op.getNameString() + "' uses array " + id + ", but the chip '"
              + arch.name() + "' has " + arch.arrays() + " arrays (0 to " + (arch.arrays() - 1) + ")");
        }
      }
    }

    private void checkPlaceIds(Operation op, PlaceAttr place) throws CimException {
      if (place.isArrays()) {
        checkIds(op, place.arrays().stream().mapToLong(Long::longValue).toArray());
      }
    }

    /** Checks that {@code bits} more fit at {@code place}, which must be memory-mode arrays if arrays. */
    private void checkRoom(Operation op, PlaceAttr place, long bits) throws CimException {
      if (place.isBuffer() && bits > chip.freeBufferBits()) {
        throw new CimException(op.getLoc(), "'" + op.getNameString() + "' needs " + bits + " bits of the buffer,"
            + " but only " + chip.freeBufferBits() + " of its " + arch.bufferBits() + " bits are free");
      }
      if (!place.isArrays()) {
        return;
      }
      int n = place.arrays().size();
      long share = (bits + n - 1) / n;
      for (long a : place.arrays()) {
        int id = (int) a;
        if (!chip.isMemoryMode(id)) {
          throw new CimException(op.getLoc(), "'" + op.getNameString() + "' places data on array " + id
              + ", which is in compute mode");
        }
        if (share > chip.freeArrayBits(id)) {
          throw new CimException(op.getLoc(), "'" + op.getNameString() + "' needs " + share + " bits of array " + id
              + ", but only " + chip.freeArrayBits(id) + " of its " + arch.memoryCapacityBits() + " bits are free");
        }
      }
    }

    private void define(Operation op, Value v, PlaceAttr place, Tensor t) throws CimException {
      RankedTensorType type = tensorType(op, v, "a result");
      Datum d = new Datum(place, type, bits(type), lastUse(v, op), t);
      env.put(v, d);
      if (place.isOnChip()) {
        chip.place(d);
        live.add(d);
      }
    }

    private int lastUse(Value v, Operation def) {
      Integer use = lastUse.get(v);
      return use != null ? use : index.get(def);
    }

    // ---- demands ------------------------------------------------------------------------------------

    private OpRecord record(Operation op, Demands d, OpRecord.Category category, long rows,
        List<OpRecord> producers) {
      OpRecord r = new OpRecord(op, index.get(op), segmentId, phase, d, category, rows, producers);
      for (Value v : op.getResults()) {
        producedBy.put(v, r);
      }
      return r;
    }

    /** The records of this phase that define {@code operands} (the pipeline's edges). */
    private List<OpRecord> producers(List<Value> operands) {
      List<OpRecord> out = new ArrayList<>();
      if (segmentId < 0) {
        return out;
      }
      for (Value v : operands) {
        OpRecord p = producedBy.get(v);
        if (p != null && p.segment == segmentId && p.phase == phase && !out.contains(p)) {
          out.add(p);
        }
      }
      return out;
    }

    /** Moving {@code bits} through {@code place} (meta.md: the buffer costs the bus, arrays their ports). */
    private void move(Demands d, PlaceAttr place, long bits) {
      if (place.isBuffer()) {
        d.add(Resource.BUS, busBits(bits));
      } else if (place.isArrays()) {
        ports(d, place, bits);
      } else {
        d.add(Resource.EXTERNAL_LINK, externalBits(bits));
      }
    }

    /** Each array of {@code place} moves {@code bits / |arrays|} at the memory-mode bandwidth. */
    private void ports(Demands d, PlaceAttr place, long bits) {
      int n = place.arrays().size();
      Rational each = Rational.of(bits, n).dividedBy(Rational.ofDecimal(arch.memoryBandwidthBitsPerCycle()));
      for (long a : place.arrays()) {
        d.add(Resource.array((int) a), each);
      }
    }

    private Rational busBits(long bits) {
      return Rational.of(bits).dividedBy(Rational.ofDecimal(arch.internalBandwidthBitsPerCycle()));
    }

    private Rational externalBits(long bits) {
      return Rational.of(bits).dividedBy(Rational.ofDecimal(arch.externalBandwidthBitsPerCycle()));
    }
  }

  // ---- helpers --------------------------------------------------------------------------------------

  static boolean samePlace(PlaceAttr a, PlaceAttr b) {
    if (a.kind() != b.kind()) {
      return false;
    }
    return !a.isArrays() || (a.arrays().size() == b.arrays().size() && a.arrays().containsAll(b.arrays()));
  }

  private static RankedTensorType tensorType(Operation op, Value v, String what) throws CimException {
    if (v.getType() instanceof RankedTensorType t && t.hasStaticShape()) {
      return t;
    }
    throw new CimException(op.getLoc(), what + " has type " + AsmPrinter.toString(v.getType())
        + ", but the CIM interpreter needs statically shaped tensors");
  }

  static long elements(RankedTensorType t) {
    long n = 1;
    for (long d : t.shape()) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  static long elementBits(Type element) {
    if (element instanceof IntegerType i) {
      return i.width();
    }
    if (element instanceof FloatType f) {
      return f.width();
    }
    throw new IllegalArgumentException("no bit width for " + AsmPrinter.toString(element));
  }

  static long bits(RankedTensorType t) {
    return Math.multiplyExact(elements(t), elementBits(t.elementType()));
  }

  /** Rows of the 2-D view {@code [∏ dims but the last, last]} of a tensor (1 for rank ≤ 1). */
  static long rows(RankedTensorType t) {
    long n = 1;
    for (int i = 0; i + 1 < t.shape().size(); i++) {
      n *= t.shape().get(i);
    }
    return n;
  }

  /** The rows of the largest operand or result (the first of the largest on ties). */
  static long largestRows(Operation op) {
    RankedTensorType best = null;
    List<Value> values = new ArrayList<>(op.getOperands());
    values.addAll(op.getResults());
    for (Value v : values) {
      if (v.getType() instanceof RankedTensorType t && (best == null || elements(t) > elements(best))) {
        best = t;
      }
    }
    return best == null ? 1 : rows(best);
  }
}
