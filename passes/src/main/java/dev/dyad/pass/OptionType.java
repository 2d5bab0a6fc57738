package dev.dyad.pass;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How values of one option type are read from pipeline text and printed back, with the messages
 * of LLVM's command-line parsers (which MLIR's pass options use).
 *
 * @param name the type as {@code --list-passes} shows it ({@code <long>})
 * @param parser the value for a text, or null when the text is not a valid value
 * @param printer the text for a value, as {@code --dump-pass-pipeline} prints it
 * @param invalidFormat the message for an invalid text, with one {@code %s} for it
 * @param values the allowed values of an enum type, in declaration order; empty otherwise
 */
public record OptionType<T>(String name, Function<String, T> parser, Function<T, String> printer,
    String invalidFormat, List<EnumValue> values) {

  /** One allowed value of an enum option: its spelling and what it means. */
  public record EnumValue(String spelling, String description) {}

  /** An enum constant that chooses its own spelling (otherwise: lower case, '_' as '-'). */
  public interface Spelled {
    String spelling();

    /** Shown by {@code --list-passes}. */
    default String description() {
      return "";
    }
  }

  public static final OptionType<Integer> INT = new OptionType<>("int", OptionType::parseInt,
      String::valueOf, "'%s' value invalid for integer argument!", List.of());
  public static final OptionType<Long> LONG = new OptionType<>("long", OptionType::parseLong,
      String::valueOf, "'%s' value invalid for long argument!", List.of());
  public static final OptionType<Boolean> BOOL = new OptionType<>("bool", OptionType::parseBool,
      String::valueOf, "'%s' is invalid value for boolean argument! Try 0 or 1", List.of());
  public static final OptionType<String> STRING = new OptionType<>("string", s -> s,
      OptionType::printString, "'%s' value invalid for string argument!", List.of());

  public OptionType {
    values = List.copyOf(values);
  }

  /** The type of an enum option; constants implementing {@link Spelled} choose their spelling. */
  public static <E extends Enum<E>> OptionType<E> enumeration(Class<E> type) {
    List<EnumValue> values = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      values.add(new EnumValue(spelling(e), e instanceof Spelled s ? s.description() : ""));
    }
    Function<String, E> parser = text -> {
      for (E e : type.getEnumConstants()) {
        if (spelling(e).equals(text)) {
          return e;
        }
      }
      return null;
    };
    return new OptionType<>("value", parser, OptionType::spelling, "Cannot find option named '%s'!", values);
  }

  private static String spelling(Enum<?> e) {
    if (e instanceof Spelled s) {
      return s.spelling();
    }
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether a flag without {@code =value} is valid (it means true, as in LLVM). */
  public boolean isFlag() {
    return this == BOOL;
  }

  String invalidMessage(String text) {
    return String.format(invalidFormat, text);
  }

  private static Boolean parseBool(String s) {
    return switch (s) {
      case "true", "TRUE", "True", "1" -> Boolean.TRUE;
      case "false", "FALSE", "False", "0" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static Integer parseInt(String s) {
    BigInteger v = parseInteger(s);
    if (v == null || v.bitLength() > 31) {
      return null;
    }
    return v.intValue();
  }

  private static Long parseLong(String s) {
    BigInteger v = parseInteger(s);
    if (v == null || v.bitLength() > 63) {
      return null;
    }
    return v.longValue();
  }

  /** LLVM's {@code getAsInteger(0, ...)}: optional '-', then 0x/0b/0o/0 prefixes pick the radix. */
  static BigInteger parseInteger(String s) {
    boolean negative = s.startsWith("-");
    String digits = negative ? s.substring(1) : s;
    int radix = 10;
    String lower = digits.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      digits = digits.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.startsWith("0")) {
      radix = 8;
      digits = digits.substring(1);
    }
    if (digits.isEmpty()) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), radix) < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(digits, radix);
    return negative ? v.negate() : v;
  }

  /** Strings with spaces or commas are wrapped in braces so that the printed pipeline reparses. */
  static String printString(String s) {
    boolean needsBraces = s.indexOf(' ') >= 0 || s.indexOf(',') >= 0;
    boolean alreadyWrapped = !s.isEmpty() && "{'\"".indexOf(s.charAt(0)) >= 0;
    return needsBraces && !alreadyWrapped ? "{" + s + "}" : s;
  }
}
