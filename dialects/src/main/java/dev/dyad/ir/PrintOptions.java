package dev.dyad.ir;

/**
 * How to print IR: generic or custom op form, with or without locations, and whether to print
 * alias definitions ({@code #map = ...}) or inline everything ("local scope").
 */
public record PrintOptions(boolean generic, boolean debugInfo, boolean localScope) {
  public static final PrintOptions DEFAULT = new PrintOptions(true, false, false);

  public PrintOptions withDebugInfo(boolean on) {
    return new PrintOptions(generic, on, localScope);
  }

  public PrintOptions withGeneric(boolean on) {
    return new PrintOptions(on, debugInfo, localScope);
  }

  public PrintOptions withLocalScope(boolean on) {
    return new PrintOptions(generic, debugInfo, on);
  }
}
