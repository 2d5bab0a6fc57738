package dev.dyad.pass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of one pass (or named pipeline): declared with defaults by the factory methods,
 * set from the {@code {key=value other=a,b}} text of a pipeline, printed back the way MLIR's
 * {@code --dump-pass-pipeline} prints them.
 */
public final class PassOptions {
  private final Map<String, OptionBase> byName = new LinkedHashMap<>();

  public Option<Integer> intOption(String name, int defaultValue, String description) {
    return add(new Option<>(name, description, OptionType.INT, defaultValue));
  }

  public Option<Long> longOption(String name, long defaultValue, String description) {
    return add(new Option<>(name, description, OptionType.LONG, defaultValue));
  }

  public Option<Boolean> boolOption(String name, boolean defaultValue, String description) {
    return add(new Option<>(name, description, OptionType.BOOL, defaultValue));
  }

  public Option<String> stringOption(String name, String defaultValue, String description) {
    return add(new Option<>(name, description, OptionType.STRING, defaultValue));
  }

  /** An enum option; constants implementing {@link OptionType.Spelled} choose their spelling. */
  public <E extends Enum<E>> Option<E> enumOption(String name, E defaultValue, String description) {
    return add(new Option<>(name, description, OptionType.enumeration(defaultValue.getDeclaringClass()), defaultValue));
  }

  /** A list option of {@code elementType} values, empty by default. */
  public <T> ListOption<T> listOption(String name, OptionType<T> elementType, String description) {
    return listOption(name, elementType, List.of(), description);
  }

  public <T> ListOption<T> listOption(String name, OptionType<T> elementType, List<T> defaults, String description) {
    return add(new ListOption<>(name, description, elementType, defaults));
  }

  private <O extends OptionBase> O add(O option) {
    if (byName.putIfAbsent(option.name(), option) != null) {
      throw new IllegalArgumentException("option '" + option.name() + "' declared twice");
    }
    return option;
  }

  /** All options in declaration order. */
  public List<OptionBase> all() {
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /** Parses {@code key=value} text; errors throw. Later occurrences of a key win (lists append). */
  public void parse(String text) throws PipelineException {
    parse(text, 0);
  }

  /**
   * Parses {@code text}, which starts at {@code baseOffset} of a pipeline, so that errors point
   * into the pipeline.
   */
  public void parse(String text, int baseOffset) throws PipelineException {
    for (OptionText arg : OptionText.split(text)) {
      if (arg.key().isEmpty()) {
        continue;
      }
      OptionBase option = byName.get(arg.key());
      if (option == null) {
        throw new PipelineException("no such option " + arg.key(), baseOffset + arg.keyOffset());
      }
      String error = option.parse(arg.value(), arg.hasValue());
      if (error != null) {
        int at = arg.hasValue() ? arg.valueOffset() : arg.keyOffset();
        throw new PipelineException("for the --" + option.name() + " option: " + error, baseOffset + at);
      }
    }
  }

  /**
   * {@code {a=1 b=2}} with every option sorted by name, or "" without options. Empty lists print
   * nothing but keep their separator, exactly as MLIR does ({@code {  max-iterations=10 ...}}).
   */
  public String print() {
    if (byName.isEmpty()) {
      return "";
    }
    List<OptionBase> sorted = new ArrayList<>(byName.values());
    sorted.sort(Comparator.comparing(OptionBase::name));
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < sorted.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sorted.get(i).print(sb);
    }
    return sb.append('}').toString();
  }

  /** One {@code key[=value]} of an option text, with offsets into that text. */
  record OptionText(String key, int keyOffset, String value, int valueOffset, boolean hasValue) {

    /**
     * Splits like MLIR's {@code parseNextArg}: a key ends at ' ' or '='; a value ends at a space
     * outside quotes and braces.
     */
    static List<OptionText> split(String text) {
      List<OptionText> args = new ArrayList<>();
      int pos = 0;
      int n = text.length();
      while (true) {
        while (pos < n && Character.isWhitespace(text.charAt(pos))) {
          pos++;
        }
        if (pos >= n) {
          return args;
        }
        int keyStart = pos;
        while (pos < n && text.charAt(pos) != ' ' && text.charAt(pos) != '=') {
          pos++;
        }
        String key = text.substring(keyStart, pos).strip();
        if (pos >= n || text.charAt(pos) == ' ') {
          args.add(new OptionText(key, keyStart, "", pos, false));
          continue;
        }
        int valueStart = ++pos;
        pos = valueEnd(text, valueStart);
        args.add(new OptionText(key, keyStart, text.substring(valueStart, pos).strip(), valueStart, true));
      }
    }

    private static int valueEnd(String text, int pos) {
      int n = text.length();
      while (pos < n && text.charAt(pos) != ' ') {
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
          int close = text.indexOf(c, pos + 1);
          pos = close < 0 ? pos + 1 : close + 1;
        } else if (c == '{') {
          pos = afterBraces(text, pos);
        } else {
          pos++;
        }
      }
      return pos;
    }

    /** The index after the '}' closing the '{' at {@code open} (quotes inside are skipped). */
    private static int afterBraces(String text, int open) {
      int depth = 0;
      int pos = open;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
          int close = text.indexOf(c, pos + 1);
          pos = close < 0 ? pos + 1 : close + 1;
          continue;
        }
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          return pos + 1;
        }
        pos++;
      }
      return pos;
    }
  }
}
