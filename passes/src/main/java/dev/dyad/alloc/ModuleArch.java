package dev.dyad.alloc;

import dev.dyad.arch.ArchException;
import dev.dyad.arch.HardwareDescription;
import dev.dyad.arch.HardwareDescriptions;
import dev.dyad.dialect.cim.ArchAttr;
import dev.dyad.ir.Operation;
import dev.dyad.pass.PassContext;

/**
 * The hardware description a module-level pass works for: its {@code arch=NAME|FILE} option, or
 * else the module's {@code cim.arch} attribute. Shared by the allocation passes and cim-to-meta.
 */
public final class ModuleArch {
  private ModuleArch() {}

  /**
   * The description named by {@code option} (a preset or a JSON file; it then replaces the
   * module's {@code cim.arch}, so that later passes and the interpreter see the same chip), or
   * the module's {@code cim.arch} when {@code option} is empty. Null after reporting an error at
   * the module when neither gives one or the option does not resolve.
   */
  public static HardwareDescription resolve(Operation module, String option, String passName, PassContext ctx) {
    if (!option.isEmpty()) {
      HardwareDescription d;
      try {
        d = HardwareDescriptions.resolve(option);
      } catch (ArchException e) {
        ctx.emitError(module, passName + ": " + String.join("; ", e.messages()));
        return null;
      }
      module.setAttr(ArchAttr.MODULE_ATTRIBUTE, new ArchAttr(d));
      return d;
    }
    if (module.getAttr(ArchAttr.MODULE_ATTRIBUTE) instanceof ArchAttr a) {
      return a.description();
    }
    ctx.emitError(module, passName + " needs a hardware description: pass the option arch=NAME|FILE or attach one"
        + " to the module as cim.arch (cim-opt --arch=NAME)");
    return null;
  }
}
