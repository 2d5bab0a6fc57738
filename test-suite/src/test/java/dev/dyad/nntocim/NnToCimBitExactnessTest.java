package dev.dyad.nntocim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.dyad.alloc.CimOperator;
import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.conversion.nntocim.NnToCim;
import dev.dyad.conversion.nntocim.NnToCimPass;
import dev.dyad.dialect.cim.MmmOp;
import dev.dyad.dialect.nn.ConstantOp;
import dev.dyad.dialect.nn.NnDialect;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.runtime.kernels.RandomInit;
import dev.dyad.runtime.reference.InterpreterException;
import dev.dyad.runtime.reference.NnInterpreter;
import dev.dyad.runtime.tensor.DType;
import dev.dyad.runtime.tensor.Tensor;
import dev.dyad.tools.Dialects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The nn-to-cim lowering keeps quantized programs bit-exact: random small nn programs
 * ({@link RandomQuantizedNet}) lowered for random small chips — so that products split over
 * columns and rows and grouped convolutions pack — give, on the cim evaluator, exactly the nn
 * reference interpreter's bits. Every lowered program verifies, holds no nn op but constants, and
 * every product fits its chip. A failure prints the nn program (.cir), the chip and the lowering.
 */
class NnToCimBitExactnessTest {
  /** Fixed so that failures reproduce; {@code -DQT_SEED=...} explores other programs. */
  private static final long SEED = Long.getLong("QT_SEED", 0x0c1a_5eedL);

  private static int examples(int n) {
    return Integer.getInteger("QT_EXAMPLES", n);
  }

  @Test
  void loweredProgramsAgreeBitForBitWithTheReference() {
    qt().withFixedSeed(SEED).withExamples(examples(300))
        .forAll(longs().all(), integers().between(1, 5))
        .checkAssert((seed, layers) -> check(new RandomQuantizedNet(seed, layers)));
  }

  /** The example CNN (int8 convolutions, an f32 head) on every preset, split where a chip is small. */
  @Test
  void theExampleCnnAgreesOnEveryPreset() throws Exception {
    String text = Files.readString(Path.of("../examples/tiny-cnn.cir"));
    Tensor input = RandomInit.uniform(DType.F32, new int[] {1, 3, 16, 16}, 5);
    RandomQuantizedNet none = new RandomQuantizedNet(0, 0);
    List<Tensor> expected = new NnInterpreter(null).run(parse(text, none).getRegion(0).front().front(),
        List.of(input));
    for (String preset : HardwareDescriptions.presetNames()) {
      Operation module = parse(text, none);
      Operation func = module.getRegion(0).front().front();
      HardwareDescription arch = HardwareDescriptions.preset(preset);
      assertTrue(new NnToCim(arch, NnToCimPass.GroupedConv.PACKED).convert(module.getContext(), func), preset);
      assertTrue(new Verifier(module.getContext()).run(module), preset);
      assertEquals(expected, new CimEvaluator(null).run(func, List.of(input)), preset);
    }
  }

  /**
   * The f32 path (experiments) takes the same route; on small integers, clipped after every
   * product, every sum is exact in any order, so it too must agree bit for bit.
   */
  @Test
  void floatProgramsOnSmallIntegersAgreeBitForBit() {
    qt().withFixedSeed(SEED).withExamples(examples(100))
        .forAll(longs().all(), integers().between(1, 5))
        .checkAssert((seed, layers) -> check(new RandomQuantizedNet(seed, layers, true)));
  }

  /**
   * The draws exercise what the property is about: products split over columns and over rows,
   * packed and per-group grouped convolutions, weights folded from dense values and viewed from
   * #nn.random ones, and products of two activations on the vector unit.
   */
  @Test
  void theDrawsCoverSplittingPackingAndViews() {
    Map<String, Integer> seen = new TreeMap<>();
    Random rng = new Random(SEED);
    for (int i = 0; i < 300; i++) {
      RandomQuantizedNet net = new RandomQuantizedNet(rng.nextLong(), 1 + rng.nextInt(5));
      RandomQuantizedNet.Case c = net.draw();
      Operation module = parse(c.program(), net);
      Operation func = module.getRegion(0).front().front();
      NnToCim conversion = new NnToCim(c.arch(), c.groupedConv(), c.attention());
      assertTrue(conversion.convert(module.getContext(), func), net::toString);
      String text = OperationPrinter.printTopLevel(module, PrintOptions.GENERIC);
      count(seen, "split", conversion.splitOperators() > 0);
      count(seen, "row blocks", text.contains("kind = \"nn.slice\"") && text.contains("kind = \"nn.add\""));
      count(seen, "packed", conversion.packedGroups() > 0);
      count(seen, "depthwise per group", c.groupedConv() == NnToCimPass.GroupedConv.PER_GROUP
          && text.contains("group_index = 1"));
      count(seen, "view", text.contains("#nn.view<"));
      count(seen, "folded dense", text.contains("\"cim.mmm\"") && text.contains("value = dense<"));
      count(seen, "vector product", text.contains("kind = \"nn.batch_matmul\""));
      count(seen, "run-time weights", conversion.runtimeProducts() > 0);
    }
    for (String what : List.of("split", "row blocks", "packed", "depthwise per group", "view", "folded dense",
        "vector product", "run-time weights")) {
      assertTrue(seen.getOrDefault(what, 0) >= 15, () -> "too few draws with " + what + ": " + seen);
    }
  }

  private static void count(Map<String, Integer> seen, String what, boolean happened) {
    if (happened) {
      seen.merge(what, 1, Integer::sum);
    }
  }

  static void check(RandomQuantizedNet net) {
    RandomQuantizedNet.Case c = net.draw();
    Operation reference = parse(c.program(), net);
    Operation lowered = parse(c.program(), net);
    Context ctx = lowered.getContext();
    Operation func = lowered.getRegion(0).front().front();
    boolean converted = new NnToCim(c.arch(), c.groupedConv(), c.attention()).convert(ctx, func);
    String context = net + " on " + describe(c.arch()) + " with grouped-conv " + c.groupedConv() + ", attention "
        + c.attention() + "\nnn program:\n"
        + c.program() + "lowered:\n" + OperationPrinter.printTopLevel(lowered, PrintOptions.DEFAULT);
    assertTrue(converted, () -> "conversion failed: " + diagnostics(ctx) + "\n" + context);
    assertTrue(new Verifier(ctx).run(lowered), () -> "invalid cim IR: " + diagnostics(ctx) + "\n" + context);
    checkShape(func, c.arch(), context);
    List<Tensor> expected;
    List<Tensor> actual;
    try {
      expected = new NnInterpreter(null).run(reference.getRegion(0).front().front(), c.inputs());
      actual = new CimEvaluator(null).run(func, c.inputs());
    } catch (InterpreterException e) {
      throw new AssertionError(e.getMessage() + "\n" + context, e);
    }
    assertEquals(expected, actual, () -> "the lowered program computes other bits\n" + context);
  }

  /** No nn op but constants is left, and every product fits the chip. */
  private static void checkShape(Operation func, HardwareDescription arch, String context) {
    List<String> problems = new ArrayList<>();
    func.walk(op -> {
      if (op.getName().getDialectNamespace().equals(NnDialect.NAMESPACE) && !ConstantOp.isa(op)) {
        problems.add("left over: " + op.getNameString());
      }
      if (MmmOp.isa(op)) {
        MmmOp m = new MmmOp(op);
        long tiles = new CimOperator("mmm", Math.max(1, m.M()), m.K(), m.N()).tiles(arch);
        if (tiles > arch.arrays()) {
          problems.add("a product of " + m.K() + "x" + m.N() + " weights needs " + tiles + " arrays");
        }
      }
    });
    assertTrue(problems.isEmpty(), () -> problems + "\n" + context);
  }

  private static Operation parse(String text, RandomQuantizedNet net) {
    Context ctx = Dialects.newContext();
    ctx.sources().add("net.cir", text);
    Operation module = Parser.parse(ctx, text, "net.cir");
    assertTrue(module != null && new Verifier(ctx).run(module),
        () -> net + " drew an invalid program: " + diagnostics(ctx) + "\n" + text);
    return module;
  }

  private static String diagnostics(Context ctx) {
    StringBuilder b = new StringBuilder();
    for (Diagnostic d : ctx.diagnostics().takeAll()) {
      b.append(ctx.sources().render(d));
    }
    return b.toString();
  }

  private static String describe(HardwareDescription arch) {
    return arch.arrays() + " arrays of " + arch.rows() + " rows x " + arch.weightCols() + " weights";
  }
}
