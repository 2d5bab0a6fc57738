/**
 * Passes that exist to test the pass infrastructure ({@code test-*}), before and besides real
 * transformations. MLIR registers its test passes only in test builds; Dyad registers these in
 * every build (they are tiny) and lists them apart in {@code cim-opt --list-passes}.
 */
package dev.dyad.pass.testing;
