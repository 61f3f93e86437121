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
    // Contact sheets are drawn with Java2D; benchmark machines have no display.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // PyTorch fixes its inter-op pool when it loads; archbench's engines run with one inter-op
    // thread (EngineSettings), so the pool must be sized before anything touches PyTorch.
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
    return newCommandLine().execute(args);
  }

  static CommandLine newCommandLine() {
    return new CommandLine(new ArchbenchCommand())
        .setDefaultValueProvider(new BenchPropertyDefaults())
        .setExecutionExceptionHandler(new UserErrorHandler());
  }
}
