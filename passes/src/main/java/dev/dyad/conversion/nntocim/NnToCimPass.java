package dev.dyad.conversion.nntocim;

import dev.dyad.arch.ArchException;
import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.dialect.builtin.ModuleOp;
import dev.dyad.dialect.cim.ArchAttr;
import dev.dyad.dialect.cim.CimDialect;
import dev.dyad.dialect.func.FuncOp;
import dev.dyad.dialect.nn.NnDialect;
import dev.dyad.ir.Dialect;
import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.Attribute;
import dev.dyad.pass.Option;
import dev.dyad.pass.OptionType;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.pass.Statistic;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nn-to-cim}: lowers the nn ops of every function of a module to the cim dialect for the
 * chip given by {@code arch} or by the module's {@code cim.arch} attribute (docs/lowering.md).
 * With {@code arch}, the description is attached to the module, so that later passes and the
 * printed module know the chip.
 */
public final class NnToCimPass extends Pass {
  public static final String ARGUMENT = "nn-to-cim";

  /** How grouped convolutions (depthwise ones above all) are mapped onto the arrays. */
  public enum GroupedConv implements OptionType.Spelled {
    PACKED("packed", "Several groups per product: a block-diagonal weight that fits one array"),
    PER_GROUP("per-group", "One product per group");

    private final String spelling;
    private final String description;

    GroupedConv(String spelling, String description) {
      this.spelling = spelling;
      this.description = description;
    }

    @Override
    public String spelling() {
      return spelling;
    }

    @Override
    public String description() {
      return description;
    }
  }

  /** Where products of two activations (attention's QKᵀ and AV) go. */
  public enum Attention implements OptionType.Spelled {
    AUTO("auto", "Arrays written at run time when the hardware description's cost rule says they are faster"),
    VECTOR("vector", "Always the vector unit"),
    ARRAYS("arrays", "Arrays written at run time whenever the product is i8 and the chip holds i8");

    private final String spelling;
    private final String description;

    Attention(String spelling, String description) {
      this.spelling = spelling;
      this.description = description;
    }

    @Override
    public String spelling() {
      return spelling;
    }

    @Override
    public String description() {
      return description;
    }
  }

  private final Option<String> arch = options.stringOption("arch", "",
      "Hardware description: a preset name or a JSON file (default: the module's cim.arch attribute)");
  private final Option<GroupedConv> groupedConv = options.enumOption("grouped-conv", GroupedConv.PACKED,
      "How grouped and depthwise convolutions map onto arrays");
  private final Option<Attention> attention = options.enumOption("attention", Attention.AUTO,
      "Where products of two activations go: auto (the cost rule), vector or arrays (written at run time)");
  private final Statistic products = statistic("num-products", "Number of cim.mmm ops created");
  private final Statistic split = statistic("num-split", "Number of products split to fit the chip");
  private final Statistic packed = statistic("num-packed-groups",
      "Number of convolution groups packed into shared block-diagonal products");
  private final Statistic runtime = statistic("num-runtime-products",
      "Number of cim.mmm ops whose weights are written at run time (products of two activations)");
  private final Statistic vector = statistic("num-vector", "Number of cim.vector ops created");

  @Override
  public String argument() {
    return ARGUMENT;
  }

  @Override
  public String summary() {
    return "Lower nn to cim: products with constant weights onto CIM arrays, the rest onto the vector unit";
  }

  @Override
  public String anchor() {
    return ModuleOp.NAME;
  }

  @Override
  public List<Dialect> dependentDialects() {
    return List.of(new NnDialect(), new CimDialect());
  }

  @Override
  public void run(Operation module, PassContext ctx) {
    HardwareDescription description = hardware(module, ctx);
    if (description == null) {
      ctx.signalPassFailure();
      return;
    }
    NnToCim conversion = new NnToCim(description, groupedConv.get(), attention.get());
    List<Operation> functions = new ArrayList<>();
    for (Operation op : new ModuleOp(module).body().getOperations()) {
      if (FuncOp.isa(op)) {
        functions.add(op);
      }
    }
    boolean ok = true;
    for (Operation f : functions) {
      ok &= conversion.convert(ctx.context(), f);
    }
    products.add(conversion.products());
    split.add(conversion.splitOperators());
    packed.add(conversion.packedGroups());
    runtime.add(conversion.runtimeProducts());
    vector.add(conversion.vectorOps());
    if (!ok) {
      ctx.signalPassFailure();
    }
  }

  /** The chip: the option's (then attached to the module), else the module's; null after an error. */
  private HardwareDescription hardware(Operation module, PassContext ctx) {
    if (!arch.get().isEmpty()) {
      try {
        HardwareDescription d = HardwareDescriptions.resolve(arch.get());
        module.setAttr(ArchAttr.MODULE_ATTRIBUTE, new ArchAttr(d));
        return d;
      } catch (ArchException e) {
        for (String line : e.messages()) {
          ctx.emitError(module, ARGUMENT + ": " + line);
        }
        return null;
      }
    }
    Attribute attached = module.getAttr(ArchAttr.MODULE_ATTRIBUTE);
    if (attached instanceof ArchAttr a) {
      return a.description();
    }
    String symbol = new ModuleOp(module).symName();
    String name = symbol != null ? "module @" + symbol : "the module";
    if (attached != null) {
      ctx.emitError(module, ARGUMENT + ": the attribute '" + ArchAttr.MODULE_ATTRIBUTE + "' of " + name
          + " is not a #cim.arch hardware description");
      return null;
    }
    ctx.emitError(module, ARGUMENT + ": " + name + " has no hardware description: give the pass option"
        + " arch=NAME|FILE or the module attribute '" + ArchAttr.MODULE_ATTRIBUTE + "' (cim-opt --arch=NAME|FILE)");
    return null;
  }
}
