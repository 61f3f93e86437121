package org.archbench.benchmarks;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code java -jar benchmarks.jar}: JMH's own command line, with the engine, architecture and
 * variant parameters that a run does not set ({@code -p engine=...}) taken from the registries
 * ({@link BenchmarkParameters}). Listing and help go to JMH's main as they are.
 */
public final class BenchmarksMain {

  private BenchmarksMain() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions given = new CommandLineOptions(args);
    if (given.shouldHelp() || given.shouldList() || given.shouldListWithParams()
        || given.shouldListProfilers() || given.shouldListResultFormats()) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    new Runner(options(given)).run();
  }

  /**
   * The run's options: {@code given}, with the registries' parameters, failing on the first
   * benchmark that throws unless {@code -foe false} was given, so a broken fork ends the command
   * with an error instead of a results file that silently lacks it.
   */
  static Options options(CommandLineOptions given) {
    return BenchmarkParameters.fillIn(new OptionsBuilder().parent(given), given)
        .shouldFailOnError(given.shouldFailOnError().orElse(true))
        .build();
  }
}
