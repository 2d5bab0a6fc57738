package dev.dyad.ir;

import dev.dyad.dialect.builtin.BuiltinDialect;
import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.dialect.func.FuncDialect;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.dialect.func.ReturnOp;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.ir.attr.DictionaryAttr;
import dev.dyad.ir.type.FunctionType;
import dev.dyad.ir.type.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds IR for verifier tests without a parser: every op gets the next line of a pretend file
 * {@code t.mlir}, so expected diagnostics read like mlir-opt's ({@code 3: error: ...}).
 */
public final class IrFixture {
  public final Context ctx = new Context();
  private int line = 1;

  public IrFixture(Dialect... extra) {
    ctx.register(new BuiltinDialect()).register(new FuncDialect());
    for (Dialect d : extra) {
      ctx.register(d);
    }
    ctx.setAllowUnregisteredDialects(true);
  }

  public Location loc() {
    return new Location.FileLineCol("t.mlir", line++, 1);
  }

  public ModuleOp module() {
    return ModuleOp.create(ctx, loc());
  }

  /** A function with an entry block, appended to {@code module}. */
  public FuncOp func(ModuleOp module, String name, FunctionType type) {
    FuncOp f = FuncOp.create(ctx, loc(), name, type);
    module.push(f.op());
    return f;
  }

  public static FunctionType fn(List<Type> inputs, List<Type> results) {
    return new FunctionType(inputs, results);
  }

  public Operation ret(Block block, Value... values) {
    Operation op = ReturnOp.create(ctx, loc(), List.of(values)).op();
    block.append(op);
    return op;
  }

  public OpSpec op(String name) {
    return new OpSpec(name);
  }

  /** Runs the verifier and returns (and clears) what it reported. */
  public List<Diagnostic> verify(Operation op) {
    Verifier.verify(ctx, op);
    return ctx.diagnostics().takeAll();
  }

  public List<Diagnostic> verifyQuietly(Operation op) {
    new Verifier(ctx).printOpOnDiagnostic(false).run(op);
    return ctx.diagnostics().takeAll();
  }

  /** {@code line: severity: message}, one line per diagnostic and note. */
  public static String render(List<Diagnostic> diags) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : diags) {
      renderOne(sb, d);
      for (Diagnostic n : d.notes()) {
        renderOne(sb, n);
      }
    }
    return sb.toString();
  }

  private static void renderOne(StringBuilder sb, Diagnostic d) {
    Location.FileLineCol pos = d.location().filePosition();
    sb.append(pos == null ? "?" : Integer.toString(pos.line())).append(": ");
    sb.append(d.severity().spelling).append(": ").append(d.message()).append('\n');
  }

  /** Messages only, without notes: the shape of {@code expected-error} checks. */
  public static List<String> errors(List<Diagnostic> diags) {
    List<String> out = new ArrayList<>();
    for (Diagnostic d : diags) {
      out.add(d.message());
    }
    return out;
  }

  /** A fluent op under construction. */
  public final class OpSpec {
    private final OperationState state;

    private OpSpec(String name) {
      state = new OperationState(ctx.getOperationName(name), loc());
    }

    public OpSpec operands(Value... values) {
      state.addOperands(Arrays.asList(values));
      return this;
    }

    public OpSpec results(Type... types) {
      state.addTypes(Arrays.asList(types));
      return this;
    }

    public OpSpec successors(Block... blocks) {
      for (Block b : blocks) {
        state.addSuccessor(b);
      }
      return this;
    }

    /** Adds {@code n} regions with one empty block each. */
    public OpSpec regions(int n) {
      for (int i = 0; i < n; i++) {
        state.addRegion().addBlock();
      }
      return this;
    }

    public OpSpec emptyRegions(int n) {
      for (int i = 0; i < n; i++) {
        state.addRegion();
      }
      return this;
    }

    public OpSpec prop(String name, Attribute value) {
      DictionaryAttr current = state.properties instanceof DictionaryAttr d ? d : DictionaryAttr.EMPTY;
      state.properties = current.with(name, value);
      return this;
    }

    public OpSpec attr(String name, Attribute value) {
      state.addAttribute(name, value);
      return this;
    }

    public Operation build() {
      return Operation.create(state);
    }

    public Operation in(Block block) {
      Operation op = build();
      block.append(op);
      return op;
    }
  }
}
