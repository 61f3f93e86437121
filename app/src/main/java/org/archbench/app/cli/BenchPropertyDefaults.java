package org.archbench.app.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Maps every long option {@code --name} onto the system property {@code bench.name}, so that Maven's
 * {@code -Dbench.data=DIR} and the CLI's {@code --data DIR} are one setting. A blank property counts
 * as unset: the bench profile passes {@code -Dbench.x=} when the user gave no value.
 */
final class BenchPropertyDefaults implements IDefaultValueProvider {

  static final String PREFIX = "bench.";

  @Override
  public String defaultValue(ArgSpec argument) {
    if (!(argument instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
      return null;
    }
    String value = System.getProperty(PREFIX + option.longestName().substring(2));
    if (value == null || value.isBlank()) {
      return option.defaultValue();
    }
    return value;
  }
}
