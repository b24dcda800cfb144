package io.trigmon.cli;

import picocli.CommandLine;

/** The version printed by {@code trigmon --version}: the jar's implementation version. */
public final class TrigmonVersion implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Trigmon.class.getPackage().getImplementationVersion();
    return new String[] {"trigmon " + (version == null ? "(development build)" : version)};
  }
}
