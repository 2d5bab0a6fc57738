package dev.dyad.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dyad.ir.attr.ArrayAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.RankedTensorType;
import dev.dyad.ir.type.ShapedType;
import dev.dyad.ir.type.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden texts below are mlir-opt-22 --mlir-print-op-generic output for the same IR. */
class GenericPrinterTest {
  private final Context ctx = new Context();
  private final Builder b = new Builder(ctx);
  private final Location loc = Location.UNKNOWN;
  private static final Type I32 = IntegerType.I32;

  @Test
  void numbersValuesAcrossNestedRegionsLikeMlir() {
    OperationState ms = b.state("builtin.module", loc);
    Region mr = ms.addRegion();
    Operation module = Operation.create(ms);
    b.createBlock(mr, List.of(), loc);
    OperationState s2 = b.state("t.op2", loc);
    Region r = s2.addRegion();
    b.create(s2);
    Block bb0 = b.createBlock(r, List.of(I32), loc);
    Operation two = b.create(loc, "t.two", List.of(bb0.getArgument(0)), List.of(I32, I32), List.of());
    Block bb1 = r.addBlock();
    b.create(b.state("t.br", loc).addOperand(two.getResult(1)).addSuccessor(bb1));
    b.setInsertionPointToEnd(bb1);
    OperationState rs = b.state("t.r", loc);
    Region inner = rs.addRegion();
    b.create(rs);
    b.create(loc, "t.after", List.of(), List.of(I32), List.of());
    b.create(loc, "t.ret", List.of(), List.of(), List.of());
    b.createBlock(inner, List.of(), loc);
    b.create(loc, "t.in", List.of(), List.of(I32), List.of());

    String expected = """
        "builtin.module"() ({
          "t.op2"() ({
          ^bb0(%arg0: i32):
            %0:2 = "t.two"(%arg0) : (i32) -> (i32, i32)
            "t.br"(%0#1)[^bb1] : (i32) -> ()
          ^bb1:  // pred: ^bb0
            "t.r"() ({
              %2 = "t.in"() : () -> i32
            }) : () -> ()
            %1 = "t.after"() : () -> i32
            "t.ret"() : () -> ()
          }) : () -> ()
        }) : () -> ()

        """;
    assertEquals(expected, OperationPrinter.printTopLevel(module, PrintOptions.DEFAULT));
  }

  @Test
  void printsAttributeDictionariesAndSignatures() {
    OperationState st = b.state("t.op", loc);
    st.addAttribute("x y", IntegerAttr.i64(1));
    st.addAttribute("b", IntegerAttr.of(255, IntegerType.signless(8)));
    st.addAttribute("a", new ArrayAttr(List.of(IntegerAttr.i64(1), IntegerAttr.of(2, I32), IntegerAttr.bool(true))));
    st.addAttribute("l", UnitAttr.INSTANCE);
    st.addAttribute("s", StringAttr.of("q\"\n"));
    st.addType(new FunctionType(List.of(I32), List.of(I32)));
    st.addType(new RankedTensorType(List.of(2L, ShapedType.DYNAMIC), I32));
    Operation op = Operation.create(st);
    assertEquals("%0:2 = \"t.op\"() {a = [1, 2 : i32, true], b = -1 : i8, l, s = \"q\\22\\0A\", \"x y\" = 1 : i64}"
        + " : () -> ((i32) -> i32, tensor<2x?xi32>)", op.toString());
  }
}
