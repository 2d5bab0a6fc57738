package dev.dyad.filecheck;

/**
 * The outcome of one FileCheck run.
 *
 * @param exitCode    what the FileCheck command would exit with: 0 passed, 1 a check failed,
 *                    2 the check file, options or input could not be used
 * @param diagnostics everything FileCheck would print to stderr, LLVM-formatted; empty on a clean pass
 */
public record FileCheckResult(int exitCode, String diagnostics) {

  public boolean passed() {
    return exitCode == 0;
  }
}
