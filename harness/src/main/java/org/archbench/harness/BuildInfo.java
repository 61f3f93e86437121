package org.archbench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What archbench itself is: its version and the commit it was built from, as Maven wrote them into
 * {@code archbench-version.properties}. Recorded in every result's provenance.
 */
public final class BuildInfo {

  private static final String UNKNOWN = "unknown";
  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  public static String version() {
    return value("version");
  }

  /** The commit, suffixed {@code -dirty} when the tree had uncommitted changes; unknown outside git. */
  public static String gitCommit() {
    String commit = value("git.commit");
    return commit.equals(UNKNOWN) || !"true".equals(PROPERTIES.getProperty("git.dirty"))
        ? commit
        : commit + "-dirty";
  }

  private static String value(String key) {
    String value = PROPERTIES.getProperty(key, UNKNOWN);
    // An unfiltered placeholder means the build could not tell (e.g. no git directory).
    return value.isBlank() || value.startsWith("${") ? UNKNOWN : value;
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/archbench-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read archbench-version.properties", e);
    }
    return properties;
  }
}
