package dev.dyad.conversion.cimtometa;

import dev.dyad.pass.OpPassManager;
import dev.dyad.pass.Option;
import dev.dyad.pass.OptionBase;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassPipeline;
import dev.dyad.pass.PassRegistry;
import dev.dyad.pass.PipelineException;

/**
 * A named pipeline from nn (or cim) to meta: nn-to-cim and canonicalize (when nn-to-cim is
 * registered), an allocation pass, cim-to-meta; its {@code arch} option goes to every pass.
 */
public final class CimPipeline extends PassPipeline {
  static final String NN_TO_CIM = "nn-to-cim";

  private final String argument;
  private final String allocPass;
  private final Option<String> arch = options.stringOption("arch", "",
      "Hardware description for every pass: a preset name or a JSON file (default: the module's cim.arch)");

  public CimPipeline(String argument, String allocPass) {
    this.argument = argument;
    this.allocPass = allocPass;
  }

  @Override
  public String argument() {
    return argument;
  }

  @Override
  public String summary() {
    return "Compile to a meta program with " + allocPass + ": nn-to-cim, canonicalize, " + allocPass + ", cim-to-meta";
  }

  @Override
  public String description() {
    return "Runs on builtin.module. nn-to-cim (when registered) and canonicalize, then the " + allocPass
        + " allocation and cim-to-meta; 'arch' is passed to each of them.";
  }

  @Override
  public void build(OpPassManager pm, PassRegistry registry) throws PipelineException {
    if (registry.contains(NN_TO_CIM)) {
      pm.addPass(withArch(create(registry, NN_TO_CIM)));
      pm.addPass(create(registry, "canonicalize"));
    }
    pm.addPass(withArch(create(registry, allocPass)));
    pm.addPass(withArch(create(registry, "cim-to-meta")));
  }

  private static Pass create(PassRegistry registry, String name) throws PipelineException {
    Pass p = registry.createPass(name);
    if (p == null) {
      throw new PipelineException("'" + name + "' does not refer to a registered pass or pass pipeline", 0);
    }
    return p;
  }

  @SuppressWarnings("unchecked")
  private Pass withArch(Pass p) {
    if (arch.get().isEmpty()) {
      return p;
    }
    for (OptionBase o : p.options().all()) {
      if (o.name().equals("arch") && o instanceof Option<?> opt && opt.defaultValue() instanceof String) {
        ((Option<String>) opt).set(arch.get());
      }
    }
    return p;
  }
}
