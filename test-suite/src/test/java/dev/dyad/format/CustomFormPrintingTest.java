package dev.dyad.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dyad.dialect.nn.NnDialect;
import dev.dyad.ir.Block;
import dev.dyad.ir.Builder;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Location;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.OperationState;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Region;
import dev.dyad.ir.Value;
import dev.dyad.ir.Verifier;
import dev.dyad.ir.attr.DenseArrayAttr;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.attr.IntegerAttr;
import dev.dyad.ir.attr.NamedAttribute;
import dev.dyad.ir.attr.StringAttr;
import dev.dyad.ir.format.AssemblyFormat;
import dev.dyad.ir.type.FloatType;
import dev.dyad.ir.type.IndexType;
import dev.dyad.ir.type.IntegerType;
import dev.dyad.ir.type.Type;
import dev.dyad.parse.Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Printing custom forms through the API: ops the form cannot describe faithfully (IR the
 * verifier rejects, or whose form would read back as something else) print generically; the
 * print options and the diagnostics choose the form.
 */
class CustomFormPrintingTest {
  private final Context ctx = newContext();
  private final Builder b = new Builder(ctx);
  private final Location loc = new Location.FileLineCol("t.cir", 1, 1);
  private final Block body = top();

  /** The block the ops go to, in a region of an op, so that printing numbers them all. */
  private Block top() {
    OperationState st = b.state("xx.top", loc);
    Region r = st.addRegion();
    Operation.create(st);
    return r.addBlock();
  }

  private static Context newContext() {
    Context ctx = new Context();
    ctx.register(new FmtDialect());
    ctx.setAllowUnregisteredDialects(true);
    return ctx;
  }

  private Value source(Type t) {
    b.setInsertionPointToEnd(body);
    return b.create(b.state("xx.src", loc).addType(t)).getResult(0);
  }

  private Operation create(OperationState st) {
    b.setInsertionPointToEnd(body);
    return b.create(st);
  }

  private static String print(Operation op) {
    return OperationPrinter.print(op, PrintOptions.DEFAULT);
  }

  @Test
  void customByDefaultGenericOnRequest() {
    Value x = source(IntegerType.I32);
    Operation relu = create(b.state("fmt.relu", loc).addOperand(x).addType(IntegerType.I32));
    assertEquals("%1 = fmt.relu %0 : i32", print(relu));
    assertEquals("%1 = fmt.relu %0 : i32", relu.toString());
    assertEquals("%1 = \"fmt.relu\"(%0) : (i32) -> i32", OperationPrinter.print(relu, PrintOptions.GENERIC));
  }

  @Test
  void typesTheFormWouldInferWronglyPrintGenerically() {
    // SameOperandsAndResultType is violated: the custom form would give the result type i32.
    Value x = source(IntegerType.I32);
    Operation relu = create(b.state("fmt.relu", loc).addOperand(x).addType(FloatType.F32));
    AssemblyFormat f = AssemblyFormat.of(relu);
    assertNotNull(f);
    assertFalse(f.canPrint(relu));
    assertEquals("%1 = \"fmt.relu\"(%0) : (i32) -> f32", print(relu));
  }

  @Test
  void attributesTheFormCannotHoldPrintGenerically() {
    OperationState st = b.state("fmt.range", loc).addType(IndexType.INSTANCE);
    st.properties = new DictionaryAttr(List.of(
        new NamedAttribute("lo", StringAttr.of("zero")),
        new NamedAttribute("hi", IntegerAttr.i64(3))));
    Operation bad = create(st);
    assertEquals("%0 = \"fmt.range\"() <{hi = 3 : i64, lo = \"zero\"}> : () -> index", print(bad));
    // i32 where the form prints an i64 without its type: would read back as i64.
    OperationState st2 = b.state("fmt.format_attr_op", loc);
    st2.properties = new DictionaryAttr(List.of(
        new NamedAttribute("attr", IntegerAttr.of(5, IntegerType.I32))));
    assertEquals("\"fmt.format_attr_op\"() <{attr = 5 : i32}> : () -> ()", print(create(st2)));
    // A required attribute is missing.
    assertEquals("\"fmt.format_attr_op\"() : () -> ()", print(create(b.state("fmt.format_attr_op", loc))));
  }

  @Test
  void countsTheDefinitionRejectsPrintGenerically() {
    Value x = source(IntegerType.I32);
    Operation twoOperands = create(b.state("fmt.relu", loc).addOperand(x).addOperand(x).addType(IntegerType.I32));
    assertEquals("%1 = \"fmt.relu\"(%0, %0) : (i32, i32) -> i32", print(twoOperands));
  }

  @Test
  void formsThatWouldReadBackAmbiguouslyPrintGenerically() {
    // No region, then an attribute dictionary: `{...}` would read as a region.
    OperationState st = b.state("fmt.format_variadic_region_a_op", loc).addAttribute("a", IntegerAttr.i64(1));
    assertEquals("\"fmt.format_variadic_region_a_op\"() {a = 1 : i64} : () -> ()", print(create(st)));
    OperationState withRegion = b.state("fmt.format_variadic_region_a_op", loc).addAttribute("a", IntegerAttr.i64(1));
    Region r = withRegion.addRegion();
    Operation op = create(withRegion);
    r.addBlock();
    b.setInsertionPointToEnd(r.front());
    b.create(b.state("xx.end", loc));
    assertEquals("fmt.format_variadic_region_a_op {\n  \"xx.end\"() : () -> ()\n} {a = 1 : i64}", print(op));
    // An untyped string attribute before a `:` literal would take the type as its own.
    OperationState c = b.state("fmt.const", loc).addType(IntegerType.I32);
    c.properties = new DictionaryAttr(List.of(
        new NamedAttribute("value", StringAttr.of("s"))));
    assertEquals("%0 = \"fmt.const\"() <{value = \"s\"}> : () -> i32", print(create(c)));
  }

  @Test
  void denseArraysPrintStrippedAndOtherValuesGenerically() {
    OperationState st = b.state("fmt.arrays", loc);
    st.properties = new DictionaryAttr(List.of(
        new NamedAttribute("ids", new DenseArrayAttr(IntegerType.I64, new long[] {4, -5}))));
    assertEquals("fmt.arrays [4, -5]", print(create(st)));
    // An i32 array where the form prints i64 elements: it would read back as an i64 array.
    OperationState i32 = b.state("fmt.arrays", loc);
    i32.properties = new DictionaryAttr(List.of(
        new NamedAttribute("ids", new DenseArrayAttr(IntegerType.I32, new long[] {4}))));
    assertEquals("\"fmt.arrays\"() <{ids = array<i32: 4>}> : () -> ()", print(create(i32)));
  }

  @Test
  void aRegisteredDialectAttributeLeavesTheColonToTheForm() {
    Context withNn = newContext();
    withNn.register(new NnDialect());
    String text = "%0 = fmt.const #nn.random<7> : i32\n%1 = \"fmt.const\"() <{value = #xx.a<1>}> : () -> i32\n";
    Operation module = Parser.parse(withNn, text, "c.cir");
    assertNotNull(module, () -> withNn.diagnostics().takeAll().toString());
    Operation first = module.getRegion(0).front().front();
    // #nn.random is the nn dialect's; an unregistered #xx.a would take the `: i32` as its own (as in
    // MLIR), so that op prints generically.
    assertEquals("%0 = fmt.const #nn.random<7> : i32", print(first));
    assertEquals("%1 = \"fmt.const\"() <{value = #xx.a<1>}> : () -> i32", print(first.getNextNode()));
  }

  @Test
  void verifierNotesShowTheGenericForm() {
    String text = "%0 = \"xx.src\"() : () -> i32\n%1 = fmt.add %0, %0 : i32\n"
        + "%2 = \"fmt.scale\"(%0) <{factor = 1.0 : f32}> : (i32) -> f32\n";
    ctx.sources().add("v.cir", text);
    Operation module = Parser.parse(ctx, text, "v.cir");
    assertNotNull(module);
    assertFalse(new Verifier(ctx).run(module));
    List<Diagnostic> diags = ctx.diagnostics().takeAll();
    String rendered = ctx.sources().render(diags.get(0));
    assertTrue(rendered.contains("see current operation: %2 = \"fmt.scale\"(%0) <{factor = 1.000000e+00 : f32}> : "
        + "(i32) -> f32"), rendered);
  }
}
