package dev.dyad.pass.testing;

import dev.dyad.ir.Operation;
import dev.dyad.ir.attr.UnitAttr;
import dev.dyad.pass.Option;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import dev.dyad.pass.Statistic;

/** Adds a unit attribute to the op it runs on, unless already there: a change that happens once. */
public final class TestTagPass extends Pass {
  private final Option<String> name = options.stringOption("name", "test.tagged", "The attribute to add");
  private final Statistic tagged = statistic("num-tagged", "Number of operations tagged");

  @Override
  public String argument() {
    return "test-tag";
  }

  @Override
  public String summary() {
    return "Test pass: adds a unit attribute to the op";
  }

  @Override
  public void run(Operation op, PassContext ctx) {
    if (op.getAttrDictionary().get(name.get()) != null) {
      return;
    }
    op.setAttr(name.get(), UnitAttr.INSTANCE);
    tagged.increment();
  }
}
