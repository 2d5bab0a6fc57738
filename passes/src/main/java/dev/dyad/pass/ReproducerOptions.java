package dev.dyad.pass;

import java.nio.file.Path;

/**
 * Where and how to write a failure reproducer.
 *
 * @param file the file to write
 * @param local narrow the reproducer to the failing pass and the IR it was given (MLIR's
 *     {@code --mlir-pass-pipeline-local-reproducer}); otherwise the whole pipeline and its input
 */
public record ReproducerOptions(Path file, boolean local) {}
