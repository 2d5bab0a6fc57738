package dev.dyad.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random multi-block functions in generic text for region-simplification tests: unregistered
 * branches ({@code xx.br}, {@code xx.cond_br}) between blocks built from a few shared templates,
 * so that identical blocks, unused block arguments, dead ops and unreachable blocks all occur.
 */
final class CfgPrograms {
  private CfgPrograms() {}

  /** An operand source: a function argument, an argument of the block, or an earlier result. */
  private record Ref(char kind, int index) {}

  private record Op(String name, List<Ref> operands, boolean hasResult) {}

  /** A block body; {@code targets} are successor indices, relative choices made per use. */
  private record Template(int numArgs, List<Op> ops, int numTargets, List<Ref> branchOperands, Ref returned) {}

  static String generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int blocks = 2 + r.nextInt(6);
    List<Template> templates = new ArrayList<>();
    for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
      templates.add(template(r));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("\"func.func\"() <{function_type = (i1, i64, i64) -> i64, sym_name = \"f\"}> ({\n");
    for (int b = 0; b < blocks; b++) {
      Template t = b == 0 ? entryTemplate(r) : templates.get(r.nextInt(templates.size()));
      sb.append("^bb").append(b);
      if (b == 0) {
        sb.append("(%c: i1, %x0: i64, %x1: i64)");
      } else if (t.numArgs() > 0) {
        sb.append('(');
        for (int a = 0; a < t.numArgs(); a++) {
          sb.append(a == 0 ? "" : ", ").append("%b").append(b).append('_').append(a).append(": i64");
        }
        sb.append(')');
      }
      sb.append(":\n");
      for (int i = 0; i < t.ops().size(); i++) {
        Op op = t.ops().get(i);
        sb.append("  ");
        if (op.hasResult()) {
          sb.append("%v").append(b).append('_').append(i).append(" = ");
        }
        sb.append('"').append(op.name()).append("\"(");
        appendRefs(sb, b, op.operands());
        sb.append(") : (").append(types(op.operands().size())).append(") -> ")
            .append(op.hasResult() ? "i64" : "()").append('\n');
      }
      sb.append("  ");
      if (t.numTargets() == 0 || blocks == 1) {
        sb.append("\"func.return\"(");
        appendRefs(sb, b, List.of(t.returned()));
        sb.append(") : (i64) -> ()\n");
        continue;
      }
      // Targets are drawn per block but deterministically per template slot, so copies of one
      // template often branch to the same successors (and can then be merged).
      List<Ref> operands = new ArrayList<>(t.branchOperands());
      boolean conditional = t.numTargets() == 2;
      sb.append(conditional ? "\"xx.cond_br\"(" : "\"xx.br\"(");
      List<Ref> all = new ArrayList<>();
      if (conditional) {
        all.add(new Ref('c', 0));
      }
      all.addAll(operands);
      appendRefs(sb, b, all);
      sb.append(")[");
      for (int k = 0; k < t.numTargets(); k++) {
        int target = 1 + (int) Math.floorMod(seed * 31 + templates.indexOf(t) * 7L + k * 3L + (r.nextInt(4) == 0 ? 1 : 0),
            (long) blocks - 1);
        sb.append(k == 0 ? "" : ", ").append("^bb").append(target);
      }
      sb.append("] : (").append(conditional ? (all.size() == 1 ? "i1" : "i1, ") : "")
          .append(types(operands.size())).append(") -> ()\n");
    }
    sb.append("}) : () -> ()\n");
    return sb.toString();
  }

  private static Template entryTemplate(SplittableRandom r) {
    Template t = template(r, 0);
    return new Template(0, t.ops(), 1 + r.nextInt(2), t.branchOperands(), t.returned());
  }

  private static Template template(SplittableRandom r) {
    return template(r, r.nextInt(3));
  }

  private static Template template(SplittableRandom r, int numArgs) {
    List<Op> ops = new ArrayList<>();
    List<Integer> producers = new ArrayList<>();
    for (int i = 0, n = r.nextInt(4); i < n; i++) {
      int kind = r.nextInt(4);
      if (kind == 3) {
        ops.add(new Op("xx.effect", List.of(ref(r, numArgs, producers)), false));
        continue;
      }
      String name = kind == 0 ? "arith.addi" : kind == 1 ? "arith.muli" : "xx.pure";
      ops.add(new Op(name, List.of(ref(r, numArgs, producers), ref(r, numArgs, producers)), true));
      producers.add(i);
    }
    List<Ref> branchOperands = new ArrayList<>();
    for (int i = 0, k = r.nextInt(3); i < k; i++) {
      branchOperands.add(ref(r, numArgs, producers));
    }
    return new Template(numArgs, ops, r.nextInt(3), branchOperands, ref(r, numArgs, producers));
  }

  /** A value defined before the current op: function args dominate every block. */
  private static Ref ref(SplittableRandom r, int numArgs, List<Integer> producers) {
    int choice = r.nextInt(3);
    if (choice == 1 && numArgs > 0) {
      return new Ref('b', r.nextInt(numArgs));
    }
    if (choice == 2 && !producers.isEmpty()) {
      return new Ref('v', producers.get(r.nextInt(producers.size())));
    }
    return new Ref('x', r.nextInt(2));
  }

  private static void appendRefs(StringBuilder sb, int block, List<Ref> refs) {
    for (int i = 0; i < refs.size(); i++) {
      Ref ref = refs.get(i);
      sb.append(i == 0 ? "" : ", ");
      switch (ref.kind()) {
        case 'c' -> sb.append("%c");
        case 'x' -> sb.append("%x").append(ref.index());
        case 'b' -> sb.append("%b").append(block).append('_').append(ref.index());
        default -> sb.append("%v").append(block).append('_').append(ref.index());
      }
    }
  }

  private static String types(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "i64"));
  }
}
