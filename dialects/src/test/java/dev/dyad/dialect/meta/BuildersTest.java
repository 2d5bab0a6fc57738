package dev.dyad.dialect.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.dialect.cim.AllocAttr;
import dev.dyad.dialect.cim.CimDialect;
import dev.dyad.dialect.cim.ConvWindow;
import dev.dyad.dialect.cim.MmmOp;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.ir.Builder;
import dev.dyad.ir.IrFixture;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Value;
import dev.dyad.ir.attr.DenseElementsAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed builders and accessors of the cim and meta ops: what lowering passes will use. */
class BuildersTest {
  private final IrFixture ir = new IrFixture(new CimDialect(), new MetaDialect());
  private final ModuleOp module = ir.module();
  private final Builder b = new Builder(ir.ctx);

  private static RankedTensorType t(Type element, long... shape) {
    Long[] dims = new Long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      dims[i] = shape[i];
    }
    return new RankedTensorType(List.of(dims), element);
  }

  private Value weights(RankedTensorType type) {
    var st = b.state("nn.constant", ir.loc());
    st.addType(type);
    st.properties = DictionaryAttr.EMPTY.with("value", DenseElementsAttr.get(type, new long[] {1}));
    return b.create(st).getResult(0);
  }

  @Test
  void cimOpsBuiltByTheirCreateMethodsVerifyAndPrint() {
    FuncOp f = ir.func(module, "conv", IrFixture.fn(List.of(t(IntegerType.I8, 1, 2, 4, 4)),
        List.of(t(IntegerType.I32, 1, 3, 4, 4))));
    b.setInsertionPointToEnd(f.entryBlock());
    Value x = f.entryBlock().getArgument(0);
    Value w = weights(t(IntegerType.I8, 18, 3));
    var segment = dev.dyad.dialect.cim.SegmentOp.create(b, ir.loc(), 4, List.of(t(IntegerType.I32, 1, 3, 4, 4)));
    b.setInsertionPointToEnd(segment.body());
    ConvWindow window = new ConvWindow(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, -1);
    var cols = dev.dyad.dialect.cim.Im2ColOp.create(b, ir.loc(), x, window);
    MmmOp mmm = MmmOp.create(b, ir.loc(), cols.output(), w, -1, 2, new AllocAttr(1, 2, 2, 1, 0, 0), "nn.conv2d");
    var nchw = dev.dyad.dialect.cim.Col2ImOp.create(b, ir.loc(), List.of(mmm.output()), 1, 3, 4, 4);
    var relu = dev.dyad.dialect.cim.VectorOp.create(b, ir.loc(), "nn.relu", DictionaryAttr.EMPTY,
        List.of(nchw.output()), List.of((Type) t(IntegerType.I32, 1, 3, 4, 4)));
    dev.dyad.dialect.cim.YieldOp.create(b, ir.loc(), List.of(relu.outputs().get(0)));
    b.setInsertionPointToEnd(f.entryBlock());
    ir.ret(f.entryBlock(), segment.results().get(0));

    assertEquals(List.of(), IrFixture.errors(ir.verifyQuietly(module.op())));
    assertEquals(List.of(16L, 18L, 3L), List.of(mmm.M(), mmm.K(), mmm.N()));
    assertEquals(-1, mmm.inputZeroPoint());
    assertEquals(2, mmm.weightZeroPoint());
    assertEquals(Optional.of(new AllocAttr(1, 2, 2, 1, 0, 0)), mmm.alloc());
    assertEquals(Optional.of("nn.conv2d"), mmm.source());
    assertEquals(window, cols.window());
    assertArrayEquals(new long[] {1, 3, 4, 4}, nchw.shape());
    assertEquals("nn.relu", relu.kind());
    assertEquals(4, segment.id());
    mmm.setAlloc(AllocAttr.computeOnly(1, 1));
    assertEquals(Optional.of(AllocAttr.computeOnly(1, 1)), mmm.alloc());
    assertEquals("""
        "func.func"() <{function_type = (tensor<1x2x4x4xi8>) -> tensor<1x3x4x4xi32>, sym_name = "conv"}> ({
        ^bb0(%arg0: tensor<1x2x4x4xi8>):
          %0 = "nn.constant"() <{value = dense<1> : tensor<18x3xi8>}> : () -> tensor<18x3xi8>
          %1 = "cim.segment"() <{id = 4 : i64}> ({
            %2 = "cim.im2col"(%arg0) <{dilations = array<i64: 1, 1>, group = 1 : i64, group_index = 0 : i64, \
        kernel_shape = array<i64: 3, 3>, pad_value = -1 : i64, pads = array<i64: 1, 1, 1, 1>, \
        strides = array<i64: 1, 1>}> : (tensor<1x2x4x4xi8>) -> tensor<16x18xi8>
            %3 = "cim.mmm"(%2, %0) <{alloc = #cim.alloc<tiles = 1, dup = 1, compute = 1, mem_in = 0, mem_out = 0, \
        reuse_in = 0>, input_zero_point = -1 : i64, source = "nn.conv2d", weight_zero_point = 2 : i64}> : \
        (tensor<16x18xi8>, tensor<18x3xi8>) -> tensor<16x3xi32>
            %4 = "cim.col2im"(%3) <{shape = array<i64: 1, 3, 4, 4>}> : (tensor<16x3xi32>) -> tensor<1x3x4x4xi32>
            %5 = "cim.vector"(%4) <{kind = "nn.relu", params = {}}> : (tensor<1x3x4x4xi32>) -> tensor<1x3x4x4xi32>
            "cim.yield"(%5) : (tensor<1x3x4x4xi32>) -> ()
          }) : () -> tensor<1x3x4x4xi32>
          "func.return"(%1) : (tensor<1x3x4x4xi32>) -> ()
        }) : () -> ()
        """.stripTrailing(), OperationPrinter.print(f.op(), PrintOptions.GENERIC).stripTrailing());
  }

  @Test
  void cimBuildersRejectOperandsThatDoNotFit() {
    FuncOp f = ir.func(module, "f", IrFixture.fn(List.of(t(IntegerType.I8, 2, 4)), List.of()));
    b.setInsertionPointToEnd(f.entryBlock());
    Value w = weights(t(IntegerType.I8, 5, 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MmmOp.create(b, ir.loc(), f.entryBlock().getArgument(0), w, 0, 0, null, null));
    assertEquals("'cim.mmm' op weight rows (5) must equal the input's columns K (4)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> dev.dyad.dialect.cim.Col2ImOp.create(b, ir.loc(),
        List.of(f.entryBlock().getArgument(0)), 1, 4, 1, 1));
    assertEquals("'cim.col2im' op input #0 has 2 rows, but N*OH*OW = 1", e.getMessage());
  }

  @Test
  void metaOpsBuiltByTheirCreateMethodsVerify() {
    RankedTensorType in = t(IntegerType.I8, 1, 2, 4, 4);
    FuncOp f = ir.func(module, "conv", IrFixture.fn(List.of(in), List.of(t(FloatType.F32, 2, 2))));
    b.setInsertionPointToEnd(f.entryBlock());
    Value x = f.entryBlock().getArgument(0);
    Value w = weights(t(IntegerType.I8, 18, 3));
    SwitchOp toMemory = SwitchOp.create(b, ir.loc(), false, 5, 6, 7);
    SegmentOp segment = SegmentOp.create(b, ir.loc(), 0, List.of(t(IntegerType.I32, 1, 3, 4, 4)));
    b.setInsertionPointToEnd(segment.body());
    WriteWeightsOp write = WriteWeightsOp.create(b, ir.loc(), w, new long[] {0, 1}, 0, 18, 0, 3);
    BarrierOp.create(b, ir.loc());
    LoadOp load = LoadOp.create(b, ir.loc(), x, PlaceAttr.BUFFER);
    Im2ColOp cols = Im2ColOp.create(b, ir.loc(), load.output(), new ConvWindow(3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0),
        PlaceAttr.ofArrays(5));
    MvmOp mvm = MvmOp.create(b, ir.loc(), cols.output(), null, new long[] {0, 1}, new MvmOp.Slice(0, 18, 0, 3), 0, 0,
        PlaceAttr.ofArrays(5), PlaceAttr.ofArrays(6));
    ReadOp read = ReadOp.create(b, ir.loc(), mvm.output(), 6);
    WriteOp back = WriteOp.create(b, ir.loc(), read.output(), 7);
    MovOp mov = MovOp.create(b, ir.loc(), back.output(), PlaceAttr.ofArrays(7), PlaceAttr.ofArrays(6));
    Col2ImOp nchw = Col2ImOp.create(b, ir.loc(), List.of(mov.output()), new long[] {1, 3, 4, 4}, PlaceAttr.BUFFER);
    StoreOp store = StoreOp.create(b, ir.loc(), nchw.output(), PlaceAttr.BUFFER);
    YieldOp.create(b, ir.loc(), List.of(store.output()));
    b.setInsertionPointToEnd(f.entryBlock());
    // An f32 product accumulating onto another, then vector work.
    Value fx = weights(t(FloatType.F32, 2, 8));
    MvmOp first = MvmOp.create(b, ir.loc(), fx, null, new long[] {2}, new MvmOp.Slice(0, 4, 0, 2), 0, 0,
        PlaceAttr.BUFFER, PlaceAttr.BUFFER);
    MvmOp second = MvmOp.create(b, ir.loc(), fx, first.output(), new long[] {3}, new MvmOp.Slice(4, 4, 0, 2), 0, 0,
        PlaceAttr.BUFFER, PlaceAttr.BUFFER);
    VectorOp softmax = VectorOp.create(b, ir.loc(), "nn.softmax",
        DictionaryAttr.EMPTY.with("axis", dev.dyad.ir.attr.IntegerAttr.i64(-1)), List.of(second.output()),
        List.of((Type) t(FloatType.F32, 2, 2)), PlaceAttr.BUFFER);
    ir.ret(f.entryBlock(), softmax.outputs().get(0));

    assertEquals(List.of(), IrFixture.errors(ir.verifyQuietly(module.op())));
    assertEquals(false, toMemory.toCompute());
    assertArrayEquals(new long[] {5, 6, 7}, toMemory.arrays());
    assertArrayEquals(new long[] {0, 1}, write.arrays());
    assertEquals(List.of(0L, 18L, 0L, 3L), List.of(write.rowOffset(), write.rows(), write.colOffset(), write.cols()));
    assertEquals(new MvmOp.Slice(0, 18, 0, 3), mvm.slice());
    assertEquals(16, mvm.M());
    assertNull(mvm.acc());
    assertSame(first.output(), second.acc());
    assertEquals(PlaceAttr.ofArrays(5), mvm.inBuffer());
    assertEquals(PlaceAttr.ofArrays(6), mvm.outBuffer());
    assertEquals(PlaceAttr.ofArrays(5), cols.outBuffer());
    assertArrayEquals(new long[] {6}, read.arrays());
    assertEquals(PlaceAttr.ofArrays(7), mov.from());
    assertEquals(PlaceAttr.BUFFER, store.from());
    assertEquals(PlaceAttr.BUFFER, load.to());
    assertEquals("nn.softmax", softmax.kind());
    assertTrue(softmax.outBuffer().isBuffer());
  }
}
