package org.archbench.app.cli;

import org.archbench.harness.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: archbench's version and commit, and the Java it runs on. */
final class ArchbenchVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "archbench " + BuildInfo.version() + " (" + BuildInfo.gitCommit() + ")",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
