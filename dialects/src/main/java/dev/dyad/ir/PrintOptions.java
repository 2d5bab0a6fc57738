package dev.dyad.ir;

/**
 * How to print IR: ops in their custom form where they declare an assembly format, or all in the
 * generic form ({@code generic}, mlir-opt's {@code --mlir-print-op-generic}); with or without
 * locations; with alias definitions ({@code #map = ...}) or everything inline ("local scope").
 */
public record PrintOptions(boolean generic, boolean debugInfo, boolean localScope) {
  /** Custom forms where declared, no locations, aliases. */
  public static final PrintOptions DEFAULT = new PrintOptions(false, false, false);
  /** Every op in the generic form (what mlir-opt's {@code --mlir-print-op-generic} prints). */
  public static final PrintOptions GENERIC = new PrintOptions(true, false, false);

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
