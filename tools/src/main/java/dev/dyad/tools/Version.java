package dev.dyad.tools;

import picocli.CommandLine;

/** The version line every Dyad tool prints for {@code --version}. */
public final class Version implements CommandLine.IVersionProvider {
  public static final String VERSION = "0.1.0";

  @Override
  public String[] getVersion() {
    return new String[] {"Dyad ${COMMAND-NAME} version " + VERSION};
  }
}
