package dev.dyad.pass;

import java.util.Objects;

/** A pass option with one value of type {@code T} and a default. Declare through {@link PassOptions}. */
public final class Option<T> extends OptionBase {
  private final OptionType<T> type;
  private final T defaultValue;
  private T value;

  Option(String name, String description, OptionType<T> type, T defaultValue) {
    super(name, description);
    this.type = type;
    this.defaultValue = Objects.requireNonNull(defaultValue, "default value");
    this.value = defaultValue;
  }

  public T get() {
    return value;
  }

  public void set(T value) {
    this.value = Objects.requireNonNull(value);
  }

  public T defaultValue() {
    return defaultValue;
  }

  @Override
  public OptionType<T> type() {
    return type;
  }

  @Override
  public String defaultText() {
    return type.printer().apply(defaultValue);
  }

  @Override
  String parse(String text, boolean hasValue) {
    if (!hasValue) {
      if (!type.isFlag()) {
        return "requires a value!";
      }
      text = "true";
    }
    String unwrapped = unwrap(text);
    T parsed = type.parser().apply(unwrapped);
    if (parsed == null) {
      return type.invalidMessage(unwrapped);
    }
    value = parsed;
    return null;
  }

  @Override
  void print(StringBuilder out) {
    out.append(name()).append('=').append(type.printer().apply(value));
  }
}
