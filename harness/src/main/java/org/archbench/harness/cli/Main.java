package org.archbench.harness.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar archbench.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code; separate from {@link #main} so tests can call it. */
  public static int run(String... args) {
    // archbench runs on its own files: DJL must never reach for its model zoo or native downloads.
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    return new CommandLine(new ArchbenchCommand())
        .setDefaultValueProvider(new BenchPropertyDefaults())
        .setExecutionExceptionHandler(new UserErrorHandler());
  }
}
