package dev.dyad.lit;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/** A command the lit runner executes in-process (cim-opt, filecheck, not, ...). */
@FunctionalInterface
interface LitTool {
  /** Runs with {@code args}; returns the exit code. Must not call System.exit. */
  int run(List<String> args, InputStream stdin, PrintStream stdout, PrintStream stderr);
}
