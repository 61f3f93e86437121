package org.archbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.archbench.harness.provenance.RunStages;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.io.OutputDirectory;
import org.archbench.schema.io.OutputLock;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

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
    // Training takes PyTorch's intra-op threads from DJL's property, read when PyTorch loads.
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      try {
        String threads = System.getProperty(EngineSettings.THREADS_PROPERTY, "");
        if (!threads.isBlank()) {
          System.setProperty("ai.djl.pytorch.num_threads",
              Integer.toString(EngineSettings.cpuThreads()));
        }
      } catch (IllegalArgumentException badThreads) {
        System.err.println("error: " + badThreads.getMessage());
        return UserErrorHandler.BAD_INPUT;
      }
    }
    return newCommandLine().execute(args);
  }

  /** The CLI as a picocli command line, configured as {@link #run} runs it. */
  public static CommandLine newCommandLine() {
    return new CommandLine(new ArchbenchCommand())
        .setDefaultValueProvider(new BenchPropertyDefaults())
        .setExecutionExceptionHandler(new UserErrorHandler())
        .setExecutionStrategy(Main::executeAsStage);
  }

  /**
   * Runs the command; a subcommand that writes into an output directory (train, export, evaluate,
   * ...) is a stage of the run, and its wall time and outcome go into that directory's run.json,
   * as failed if it throws.
   */
  @SuppressWarnings("try") // the lock is held, not used
  private static int executeAsStage(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult stage = parseResult.subcommand();
    CommandSpec output = stage == null ? null : stage.commandSpec().mixins().get("output");
    if (output == null || stage.isUsageHelpRequested() || stage.isVersionHelpRequested()
        || !(output.userObject() instanceof OutputOptions options)) {
      return new CommandLine.RunLast().execute(parseResult);
    }
    CommandSpec data = stage.commandSpec().mixins().get("data");
    DataOptions dataOptions =
        data != null && data.userObject() instanceof DataOptions chosen ? chosen : null;
    PrintWriter errors = stage.commandSpec().commandLine().getErr();
    OutputLayout layout;
    try {
      // The stage belongs to the run of the dataset it works on.
      layout = dataOptions == null ? options.layout() : dataOptions.layout(options.layout());
    } catch (IllegalArgumentException unknownDataset) {
      return userError(errors, unknownDataset.getMessage());
    }
    OutputLock lock;
    try {
      // The directory the user named, and the dataset's run inside it, must both be archbench's.
      OutputDirectory.requireRunOrEmpty(options.layout().root(), options.forceOut());
      lock = OutputLock.acquire(layout, "archbench " + stage.commandSpec().name(),
          options.forceOut(), notice -> errors.println("note: " + notice));
    } catch (IOException refused) {
      // Another process owns the run, or it is not a run: this stage neither ran nor failed there.
      return userError(errors, refused.getMessage());
    }
    try {
      RunStages.requireReadable(layout);
    } catch (IOException newer) {
      closeQuietly(lock);
      return userError(errors, newer.getMessage());
    }
    try (lock; RunStages.Stage record = RunStages.start(layout, stage.commandSpec().name())) {
      int exitCode = new CommandLine.RunLast().execute(parseResult);
      if (dataOptions != null && dataOptions.loadedFingerprint() != null) {
        record.dataset(dataOptions.loadedFingerprint());
      }
      CommandSpec preset = stage.commandSpec().mixins().get("preset");
      if (preset != null && preset.userObject() instanceof PresetOptions presetOptions) {
        record.preset(presetOptions.preset());
      }
      if (exitCode == 0) {
        record.complete();
      }
      return exitCode;
    } catch (IOException e) {
      throw new CommandLine.ExecutionException(parseResult.commandSpec().commandLine(),
          "could not record the stage in run.json: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(OutputLock lock) {
    try {
      lock.close();
    } catch (IOException releasedWithTheProcess) {
      // The operating system releases the lock when this process ends, a moment from now.
    }
  }

  private static int userError(PrintWriter errors, String message) {
    errors.println("error: " + message);
    errors.flush();
    return UserErrorHandler.BAD_INPUT;
  }
}
