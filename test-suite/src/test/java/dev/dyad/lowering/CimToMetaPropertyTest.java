package dev.dyad.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.Technology;
import dev.dyad.arch.WeightReloadModel;
import dev.dyad.dialect.cim.AllocAttr;
import dev.dyad.dialect.cim.ArchAttr;
import dev.dyad.dialect.cim.MmmOp;
import dev.dyad.dialect.cim.SegmentOp;
import dev.dyad.ir.Context;
import dev.dyad.ir.Diagnostic;
import dev.dyad.ir.Operation;
import dev.dyad.ir.OperationPrinter;
import dev.dyad.ir.PrintOptions;
import dev.dyad.ir.Value;
import dev.dyad.ir.Verifier;
import dev.dyad.parse.Parser;
import dev.dyad.pass.PassManager;
import dev.dyad.pass.PassRegistry;
import dev.dyad.tools.Dialects;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random cim programs on random small chips, allocated and lowered: the meta program verifies and
 * passes meta.md's chip-state checks, or the lowering reports a documented capacity error.
 */
class CimToMetaPropertyTest {
  private static final PassRegistry REGISTRY = PassRegistry.installed();
  private static final Pattern CAPACITY = Pattern.compile(
      "needs \\d+ arrays but .* has \\d+; split it before allocation"
          + "|bits of the on-chip buffer at once|bits of memory-mode array \\d+ at once");

  @Test
  void baselineAllocationsLowerToValidPrograms() {
    int lowered = run(1, 300, false);
    assertTrue(lowered >= 150, "only " + lowered + " of 300 programs lowered: the generator is off");
  }

  @Test
  void memoryModeAllocationsLowerToValidPrograms() {
    int lowered = run(2, 300, true);
    assertTrue(lowered >= 150, "only " + lowered + " of 300 programs lowered: the generator is off");
  }

  /**
   * Runs {@code count} seeded cases (a failure prints the program and the chip): chains of
   * products with requantization, ReLU, residual adds, skip connections and reused weights,
   * sometimes after a convolution; allocated by a baseline, with memory-mode arrays added by hand
   * when {@code memory}. Returns how many lowered successfully.
   */
  private static int run(long seed, int count, boolean memory) {
    SplittableRandom random = new SplittableRandom(seed);
    int lowered = 0;
    for (int i = 0; i < count; i++) {
      HardwareDescription arch = chip(random);
      String program = program(random, arch);
      String allocator = memory || random.nextBoolean() ? "cim-mlc-alloc" : "naive-alloc";
      String what = "case " + i + " (seed " + seed + ", " + allocator + (memory ? " + memory arrays" : "") + ") on "
          + arch + ":\n" + program;
      Context ctx = Dialects.newContext();
      Operation module = Parser.parse(ctx, program, "random.cir");
      assertNotNull(module, () -> what + "\n" + ctx.diagnostics().takeAll());
      assertTrue(new Verifier(ctx).run(module), () -> what + "\n" + ctx.diagnostics().takeAll());
      module.setAttr(ArchAttr.MODULE_ATTRIBUTE, new ArchAttr(arch));
      if (!runPass(ctx, module, allocator, what)) {
        continue;
      }
      String allocated = OperationPrinter.printTopLevel(module, new PrintOptions(true, false, false));
      if (memory) {
        addMemoryArrays(module, arch, random);
      }
      if (!runPass(ctx, module, "cim-to-meta", what + "\nallocated:\n" + allocated)) {
        continue;
      }
      Operation func = module.getRegion(0).front().front();
      List<String> problems = MetaStateChecker.check(func, arch);
      if (!problems.isEmpty()) {
        fail(what + "\nallocated:\n" + allocated + "\nlowered:\n"
            + OperationPrinter.printTopLevel(module, new PrintOptions(true, false, false)) + "\nproblems: " + problems);
      }
      lowered++;
    }
    return lowered;
  }

  /** Runs one pass; false if it failed with a capacity diagnostic (any other failure fails the test). */
  private static boolean runPass(Context ctx, Operation module, String pass, String what) {
    PassManager pm;
    try {
      pm = PassManager.parse(ctx, "builtin.module(" + pass + ")", REGISTRY);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    pm.enableVerifier(true).printOpOnDiagnostic(false);
    boolean ok = pm.run(module);
    List<Diagnostic> diags = ctx.diagnostics().takeAll();
    if (ok) {
      assertEquals(List.of(), diags.stream().map(Diagnostic::message).toList(), what);
      return true;
    }
    assertTrue(!diags.isEmpty(), what);
    for (Diagnostic d : diags) {
      assertTrue(CAPACITY.matcher(d.message()).find(), () -> what + "\n" + pass + " failed: " + d.message());
    }
    return false;
  }

  /**
   * Gives products spare arrays as memory-mode buffers: per segment one copy of each product's
   * weights, then the arrays left over as mem_in/mem_out, a product's input sharing its producer's
   * output arrays (reuse_in) when the producer feeds it directly through vector ops.
   */
  private static void addMemoryArrays(Operation module, HardwareDescription arch, SplittableRandom random) {
    Operation func = module.getRegion(0).front().front();
    for (Operation op : func.getRegion(0).front().getOpsList()) {
      if (!SegmentOp.isa(op)) {
        continue;
      }
      List<MmmOp> mmms = new ArrayList<>();
      long spare = arch.arrays();
      for (Operation inner : new SegmentOp(op).body().getOpsList()) {
        if (MmmOp.isa(inner)) {
          MmmOp m = new MmmOp(inner);
          mmms.add(m);
          spare -= m.alloc().orElseThrow().tiles();
        }
      }
      for (MmmOp m : mmms) {
        long tiles = m.alloc().orElseThrow().tiles();
        long memOut = spare > 0 && random.nextBoolean() ? 1 + random.nextLong(Math.min(spare, 2)) : 0;
        spare -= memOut;
        MmmOp producer = directProducer(m, mmms);
        long reusable = producer == null ? 0 : producer.alloc().orElseThrow().memOut();
        long reuse = reusable > 0 && random.nextBoolean() ? 1 + random.nextLong(reusable) : 0;
        long own = spare > 0 && random.nextBoolean() ? 1 + random.nextLong(Math.min(spare, 2)) : 0;
        spare -= own;
        m.setAlloc(new AllocAttr(tiles, 1, tiles, reuse + own, memOut, reuse));
      }
    }
  }

  /** The product of {@code mmms} whose result reaches {@code m}'s input through one-operand vector ops. */
  private static MmmOp directProducer(MmmOp m, List<MmmOp> mmms) {
    Value v = m.input();
    while (v.getDefiningOp() != null) {
      Operation def = v.getDefiningOp();
      for (MmmOp p : mmms) {
        if (p.op() == def) {
          return p;
        }
      }
      if (!def.getNameString().equals("cim.vector") || def.getNumOperands() != 1) {
        return null;
      }
      v = def.getOperand(0);
    }
    return null;
  }

  /** A small dual-mode chip: 8-bit weights on one-bit cells, so a row holds cols / 8 weights. */
  private static HardwareDescription chip(SplittableRandom random) {
    int arrays = 2 + random.nextInt(11);
    int rows = 4 << random.nextInt(4);
    int weightsPerRow = 1 << random.nextInt(4);
    long buffer = random.nextInt(4) == 0 ? 2048 + random.nextInt(8192) : 1 << 20;
    long memoryCapacity = 4096 + random.nextInt(61440);
    return new HardwareDescription("random", "random test chip", Technology.EDRAM, true, arrays, rows,
        8 * weightsPerRow, 1, 8, 8, 100_000_000L, 10, 8, memoryCapacity, 32, 64, buffer, 1, 1, 1, rows,
        WeightReloadModel.EQ2, 4);
  }

  /** A random cim program whose products mostly fit {@code arch}. */
  private static String program(SplittableRandom random, HardwareDescription arch) {
    StringBuilder body = new StringBuilder();
    List<String> names = new ArrayList<>();
    List<long[]> shapes = new ArrayList<>();
    int[] counter = {0};
    String argType;
    String x;
    if (random.nextInt(3) == 0) {
      // A convolution first: NCHW input, im2col, product, col2im, requantize, reshape to rows.
      long c = 1 + random.nextInt(3);
      long h = 2 + random.nextInt(5);
      long w = 2 + random.nextInt(5);
      long o = 1 + random.nextInt(6);
      argType = tensor(new long[] {1, c, h, w}, "i8");
      long k = c * 9;
      String weight = constant(body, counter, k, o);
      String cols = next(counter);
      body.append("  ").append(cols).append(" = \"cim.im2col\"(%x) <{kernel_shape = array<i64: 3, 3>, pads = ")
          .append("array<i64: 1, 1, 1, 1>, pad_value = 1 : i64}> : (").append(argType).append(") -> ")
          .append(tensor(new long[] {h * w, k}, "i8")).append('\n');
      String prod = next(counter);
      body.append("  ").append(prod).append(" = \"cim.mmm\"(").append(cols).append(", ").append(weight)
          .append(") <{input_zero_point = 1 : i64}> : (").append(tensor(new long[] {h * w, k}, "i8")).append(", ")
          .append(tensor(new long[] {k, o}, "i8")).append(") -> ").append(tensor(new long[] {h * w, o}, "i32"))
          .append('\n');
      String image = next(counter);
      body.append("  ").append(image).append(" = \"cim.col2im\"(").append(prod).append(") <{shape = array<i64: 1, ")
          .append(o).append(", ").append(h).append(", ").append(w).append(">}> : (")
          .append(tensor(new long[] {h * w, o}, "i32")).append(") -> ").append(tensor(new long[] {1, o, h, w}, "i32"))
          .append('\n');
      String q = vector(body, counter, "nn.requantize", "{scale = 5.000000e-02 : f64, zero_point = 0 : i64}",
          List.of(image), List.of(new long[] {1, o, h, w}), "i32", new long[] {1, o, h, w}, "i8");
      x = vector(body, counter, "nn.reshape", "{}", List.of(q), List.of(new long[] {1, o, h, w}), "i8",
          new long[] {o, h * w}, "i8");
      names.add(x);
      shapes.add(new long[] {o, h * w});
    } else {
      long m = 1 + random.nextInt(12);
      long k = 1 + random.nextInt(40);
      argType = tensor(new long[] {m, k}, "i8");
      names.add("%x");
      shapes.add(new long[] {m, k});
    }
    List<String> results = new ArrayList<>();
    List<String> resultTypes = new ArrayList<>();
    List<String> weights = new ArrayList<>();
    List<long[]> weightShapes = new ArrayList<>();
    int layers = 1 + random.nextInt(6);
    for (int l = 0; l < layers; l++) {
      int pick = random.nextInt(4) == 0 ? random.nextInt(names.size()) : names.size() - 1;
      String in = names.get(pick);
      long[] shape = shapes.get(pick);
      long m = shape[0];
      long k = shape[1];
      long rowTiles = (k + arch.rows() - 1) / arch.rows();
      long maxN = Math.max(1, arch.weightCols() * Math.max(1, arch.arrays() / rowTiles));
      long n = 1 + random.nextLong(Math.min(maxN, 24));
      String weight = null;
      for (int j = 0; j < weights.size() && weight == null; j++) {
        // Sometimes a product reuses an earlier weight (as a repeated block does): resident weights.
        if (weightShapes.get(j)[0] == k && random.nextBoolean()) {
          weight = weights.get(j);
          n = weightShapes.get(j)[1];
        }
      }
      if (weight == null) {
        weight = constant(body, counter, k, n);
        weights.add(weight);
        weightShapes.add(new long[] {k, n});
      }
      String prod = next(counter);
      body.append("  ").append(prod).append(" = \"cim.mmm\"(").append(in).append(", ").append(weight)
          .append(") <{input_zero_point = ").append(random.nextInt(5) - 2).append(" : i64}> : (")
          .append(tensor(shape, "i8")).append(", ").append(tensor(new long[] {k, n}, "i8")).append(") -> ")
          .append(tensor(new long[] {m, n}, "i32")).append('\n');
      long[] out = {m, n};
      if (random.nextInt(5) == 0) {
        results.add(prod);
        resultTypes.add(tensor(out, "i32"));
      }
      String v = vector(body, counter, "nn.requantize", "{scale = 5.000000e-02 : f64, zero_point = 0 : i64}",
          List.of(prod), List.of(out), "i32", out, "i8");
      if (random.nextBoolean()) {
        v = vector(body, counter, "nn.relu", "{}", List.of(v), List.of(out), "i8", out, "i8");
      }
      for (int j = 0; j < names.size(); j++) {
        if (java.util.Arrays.equals(shapes.get(j), out) && random.nextInt(3) == 0) {
          v = vector(body, counter, "nn.add", "{}", List.of(v, names.get(j)), List.of(out, out), "i8", out, "i8");
          break;
        }
      }
      names.add(v);
      shapes.add(out);
    }
    results.add(names.get(names.size() - 1));
    resultTypes.add(tensor(shapes.get(shapes.size() - 1), "i8"));
    String types = String.join(", ", resultTypes);
    return "\"func.func\"() <{function_type = (" + argType + ") -> (" + types + "), sym_name = \"main\"}> ({\n"
        + "^bb0(%x: " + argType + "):\n" + body + "  \"func.return\"(" + String.join(", ", results) + ") : ("
        + types + ") -> ()\n}) : () -> ()\n";
  }

  private static String constant(StringBuilder body, int[] counter, long k, long n) {
    String name = next(counter);
    String type = tensor(new long[] {k, n}, "i8");
    body.append("  ").append(name).append(" = \"nn.constant\"() <{value = dense<").append(counter[0] % 7 - 3)
        .append("> : ").append(type).append("}> : () -> ").append(type).append('\n');
    return name;
  }

  private static String vector(StringBuilder body, int[] counter, String kind, String params, List<String> ins,
      List<long[]> inShapes, String inElement, long[] out, String outElement) {
    String name = next(counter);
    List<String> inTypes = new ArrayList<>();
    for (long[] s : inShapes) {
      inTypes.add(tensor(s, inElement));
    }
    body.append("  ").append(name).append(" = \"cim.vector\"(").append(String.join(", ", ins)).append(") <{kind = \"")
        .append(kind).append("\", params = ").append(params).append("}> : (").append(String.join(", ", inTypes))
        .append(") -> ").append(tensor(out, outElement)).append('\n');
    return name;
  }

  private static String next(int[] counter) {
    return "%v" + counter[0]++;
  }

  private static String tensor(long[] shape, String element) {
    StringBuilder sb = new StringBuilder("tensor<");
    for (long d : shape) {
      sb.append(d).append('x');
    }
    return sb.append(element).append('>').toString();
  }
}
