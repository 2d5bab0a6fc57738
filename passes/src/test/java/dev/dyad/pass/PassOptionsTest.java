package dev.dyad.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassOptionsTest {
  enum Level { LOW, HIGH_END }

  private final PassOptions options = new PassOptions();
  private final Option<Integer> count = options.intOption("count", 3, "");
  private final Option<Long> big = options.longOption("big", 10L, "");
  private final Option<Boolean> flag = options.boolOption("flag", false, "");
  private final Option<String> text = options.stringOption("text", "", "");
  private final Option<Level> level = options.enumOption("level", Level.LOW, "");
  private final ListOption<String> names = options.listOption("names", OptionType.STRING, "");
  private final ListOption<Long> numbers = options.listOption("numbers", OptionType.LONG, List.of(1L), "");

  @Test
  void defaultsPrintSortedWithEmptyListsKeepingTheirSeparator() {
    assertEquals("{big=10 count=3 flag=false level=low  numbers={1} text=}", options.print());
  }

  @Test
  void parsesEveryKind() throws PipelineException {
    options.parse("count=-4 big=0x1F flag level=high-end names=a,b numbers={5,6} text=\"x y\"");
    assertEquals(-4, count.get());
    assertEquals(31L, big.get());
    assertEquals(true, flag.get());
    assertEquals(Level.HIGH_END, level.get());
    assertEquals(List.of("a", "b"), names.get());
    assertEquals(List.of(5L, 6L), numbers.get());
    assertEquals("x y", text.get());
    assertEquals("{big=31 count=-4 flag=true level=high-end names={a,b} numbers={5,6} text={x y}}", options.print());
  }

  @Test
  void integersTakeLlvmRadixPrefixes() throws PipelineException {
    options.parse("big=010 count=0b11");
    assertEquals(8L, big.get());
    assertEquals(3, count.get());
  }

  @Test
  void booleanSpellings() throws PipelineException {
    for (String t : List.of("true", "TRUE", "True", "1")) {
      options.parse("flag=false flag=" + t);
      assertEquals(true, flag.get(), t);
    }
    for (String f : List.of("false", "FALSE", "False", "0")) {
      options.parse("flag=true flag=" + f);
      assertEquals(false, flag.get(), f);
    }
  }

  @Test
  void lastScalarWinsAndListsAppendAfterReplacingTheDefault() throws PipelineException {
    options.parse("count=1 count=2 numbers=7 numbers=8,9");
    assertEquals(2, count.get());
    assertEquals(List.of(7L, 8L, 9L), numbers.get());
  }

  @Test
  void valuesGroupWithQuotesAndBraces() throws PipelineException {
    options.parse("text='a b' names={p q},\"r,s\",{t}");
    assertEquals("a b", text.get());
    assertEquals(List.of("p q", "r,s", "t"), names.get());
    assertEquals("names={{p q},{r,s},t}", print(names));
  }

  @Test
  void emptyListValueIsOneEmptyElement() throws PipelineException {
    options.parse("names=");
    assertEquals(List.of(""), names.get());
    assertEquals("names={}", print(names));
  }

  @Test
  void emptyKeysAndExtraSpacesAreSkipped() throws PipelineException {
    options.parse("  =5   count=9  ");
    assertEquals(9, count.get());
  }

  @Test
  void errorsNameTheOptionAndPointAtIt() {
    assertError("no such option bogus", 8, "count=1 bogus=2");
    assertError("for the --count option: 'x' value invalid for integer argument!", 6, "count=x");
    assertError("for the --count option: '4294967296' value invalid for integer argument!", 6, "count=4294967296");
    assertError("for the --big option: '1.5' value invalid for long argument!", 4, "big=1.5");
    assertError("for the --flag option: 'yes' is invalid value for boolean argument! Try 0 or 1", 5, "flag=yes");
    assertError("for the --level option: Cannot find option named 'mid'!", 6, "level=mid");
    assertError("for the --count option: requires a value!", 0, "count");
    assertError("for the --numbers option: 'b' value invalid for long argument!", 8, "numbers=1,b");
  }

  @Test
  void errorOffsetsAreShiftedIntoThePipeline() {
    PipelineException e = assertThrows(PipelineException.class, () -> options.parse("count=x", 20));
    assertEquals(26, e.offset());
  }

  @Test
  void declaringAnOptionTwiceIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> options.intOption("count", 1, ""));
  }

  @Test
  void splitFollowsMlir() {
    List<PassOptions.OptionText> args = PassOptions.OptionText.split("a=1 b c={x y} d=\"p q\" e");
    assertEquals(List.of("a", "b", "c", "d", "e"), args.stream().map(PassOptions.OptionText::key).toList());
    assertEquals(List.of("1", "", "{x y}", "\"p q\"", ""), args.stream().map(PassOptions.OptionText::value).toList());
    assertEquals(List.of(true, false, true, true, false), args.stream().map(PassOptions.OptionText::hasValue).toList());
  }

  private void assertError(String message, int offset, String text) {
    PipelineException e = assertThrows(PipelineException.class, () -> new PassOptionsTest().options.parse(text));
    assertEquals(message, e.getMessage());
    assertEquals(offset, e.offset(), message);
  }

  private static String print(OptionBase o) {
    StringBuilder sb = new StringBuilder();
    o.print(sb);
    return sb.toString();
  }
}
