package org.archbench.harness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code archbench-version.properties} at build time. */
final class ArchbenchVersion implements IVersionProvider {

  static String version() {
    Properties properties = new Properties();
    try (InputStream in = ArchbenchVersion.class.getResourceAsStream("/archbench-version.properties")) {
      if (in == null) {
        return "unknown (archbench-version.properties is missing from the classpath)";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read archbench-version.properties", e);
    }
    return properties.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "archbench " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
