package dev.dyad.pass;

import dev.dyad.dialect.builtin.BuiltinDialect;
import dev.dyad.dialect.func.FuncDialect;
import dev.dyad.ir.Context;
import dev.dyad.ir.Operation;
import dev.dyad.parse.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Small passes and IR for the pass manager tests. */
final class TestSupport {
  private TestSupport() {}

  static Context context() {
    Context ctx = new Context();
    ctx.register(new BuiltinDialect()).register(new FuncDialect());
    ctx.setAllowUnregisteredDialects(true);
    return ctx;
  }

  static Operation parse(Context ctx, String text) {
    Operation op = Parser.parse(ctx, text, "test.cir");
    if (op == null) {
      throw new AssertionError(ctx.diagnostics().takeAll());
    }
    return op;
  }

  static final String TWO_FUNCTIONS = """
      "builtin.module"() ({
        "func.func"() <{function_type = () -> (), sym_name = "f"}> ({
          "func.return"() : () -> ()
        }) : () -> ()
        "test.op"() : () -> ()
        "func.func"() <{function_type = () -> (), sym_name = "g"}> ({
          "func.return"() : () -> ()
        }) : () -> ()
      }) : () -> ()
      """;

  /** A pass that records "argument:op-name[@symbol]" for every op it runs on. */
  static class RecordingPass extends Pass {
    private final String argument;
    private final String anchor;
    private final List<String> log;
    private final BiConsumer<Operation, PassContext> action;

    RecordingPass(String argument, String anchor, List<String> log) {
      this(argument, anchor, log, (op, ctx) -> {});
    }

    RecordingPass(String argument, String anchor, List<String> log, BiConsumer<Operation, PassContext> action) {
      this.argument = argument;
      this.anchor = anchor;
      this.log = log;
      this.action = action;
    }

    @Override
    public String argument() {
      return argument;
    }

    @Override
    public String summary() {
      return "records where it runs";
    }

    @Override
    public String anchor() {
      return anchor;
    }

    @Override
    public void run(Operation op, PassContext ctx) {
      String symbol = dev.dyad.ir.SymbolTable.symbolName(op);
      log.add(argument + ":" + op.getNameString() + (symbol == null ? "" : "@" + symbol));
      action.accept(op, ctx);
    }
  }

  /** A registry with recording passes "a" and "b" (any op), "fn" (func.func) and "mod" (module). */
  static PassRegistry registry(List<String> log) {
    return new PassRegistry()
        .registerPass(() -> new RecordingPass("a", Pass.ANY, log))
        .registerPass(() -> new RecordingPass("b", Pass.ANY, log))
        .registerPass(() -> new RecordingPass("fn", "func.func", log))
        .registerPass(() -> new RecordingPass("mod", "builtin.module", log))
        .registerPipeline(() -> PassPipeline.ofText("ab", "a then b", "a,b"));
  }

  static List<String> newLog() {
    return new ArrayList<>();
  }
}
