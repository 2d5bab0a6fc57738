/**
 * Lexical formatting utilities shared by the IR printer and parser, matching MLIR 22's textual
 * format byte for byte: float literals ({@link dev.dyad.ir.text.FloatFormat}), string literals
 * ({@link dev.dyad.ir.text.StringEscapes}) and identifiers/names
 * ({@link dev.dyad.ir.text.Identifiers}). Pure functions with no dependency on the rest of Dyad.
 * The expected behaviour is pinned by golden files generated with mlir-opt-22 (see
 * {@code src/test/resources/text/README.md}).
 */
package dev.dyad.ir.text;
