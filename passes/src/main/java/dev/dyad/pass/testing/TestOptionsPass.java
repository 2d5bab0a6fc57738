package dev.dyad.pass.testing;

import dev.dyad.ir.Operation;
import dev.dyad.pass.ListOption;
import dev.dyad.pass.Option;
import dev.dyad.pass.OptionType;
import dev.dyad.pass.Pass;
import dev.dyad.pass.PassContext;
import java.util.List;

/** Declares one option of every kind, so that parsing and printing them can be tested. Does nothing. */
public final class TestOptionsPass extends Pass {
  /** An enum option's values; one spelled differently from its Java name. */
  public enum Mode implements OptionType.Spelled {
    FAST("fast", "Go fast"),
    SLOW("slow", "Go slow"),
    VERY_SLOW("very-slow", "Go very slow");

    private final String spelling;
    private final String description;

    Mode(String spelling, String description) {
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

  final Option<Integer> i32 = options.intOption("i32", 7, "An int option");
  final Option<Long> i64 = options.longOption("i64", -1, "A long option");
  final Option<Boolean> flag = options.boolOption("flag", false, "A bool option");
  final Option<String> str = options.stringOption("str", "hello", "A string option");
  final Option<Mode> mode = options.enumOption("mode", Mode.FAST, "An enum option");
  final ListOption<Integer> ints = options.listOption("ints", OptionType.INT, "A list of ints");
  final ListOption<String> strs = options.listOption("strs", OptionType.STRING, List.of("a", "b"), "A list of strings");

  @Override
  public String argument() {
    return "test-options";
  }

  @Override
  public String summary() {
    return "Test pass: has an option of every kind and does nothing";
  }

  @Override
  public void run(Operation op, PassContext ctx) {}
}
