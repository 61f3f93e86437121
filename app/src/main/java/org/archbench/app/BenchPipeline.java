package org.archbench.app;

import org.archbench.schema.io.OutputLock;
import org.archbench.harness.data.IdxDatasets;
import org.archbench.harness.provenance.RunStages;
import org.archbench.harness.engine.Cuda;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.archbench.harness.Defaults;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.Preset;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.models.spec.Architectures;

/**
 * {@code mvn verify -Pbench}: every stage in order (data, train, export, evaluate, stats,
 * robustness, imbalance, transfer, loss, bench), then the report of whatever they left.
 *
 * <p>Each stage runs in a JVM of its own, from this jar, with the {@code bench.*} properties this
 * JVM was given: a stage that crashes (a native library can take its JVM down) cannot take the
 * pipeline with it, and each stage's native memory is returned when it ends. Each stage reads only
 * the files the earlier ones wrote, so a stage that fails stops the pipeline there: the results of
 * the stages before it stay as they were, the report still renders what exists, and the exit code
 * is non-zero with the failed stage named.
 *
 * <p>The stages' wall times, JVM start included, go into run.json; the subcommands record their
 * own as well, and the pipeline's record, written last, is what the report shows.
 */
public final class BenchPipeline {

  private static final String CLI = "org.archbench.app.cli.Main";

  /** One stage: its name in run.json, and the main class and arguments of its JVM. */
  record Stage(String name, String mainClass, List<String> arguments) {

    static Stage cli(String name, String... arguments) {
      return new Stage(name, CLI, List.of(arguments));
    }
  }

  /** How one stage ended. */
  record Outcome(String stage, int exitCode, double seconds) {}

  private final Path out;
  /** The run of the chosen dataset: {@code out} itself, or datasets/&lt;id&gt;/ under it. */
  private final Path run;
  private final Map<String, String> benchProperties;
  private final PrintStream console;

  /**
   * @param out the run's output directory
   * @param benchProperties the bench.* settings every stage gets; blank values count as unset
   * @param console where progress and the summary go
   */
  BenchPipeline(Path out, Map<String, String> benchProperties, PrintStream console) {
    this.out = out.toAbsolutePath().normalize();
    this.run = IdxDatasets.runOf(new OutputLayout(this.out), benchProperties.get("bench.dataset"))
        .root();
    this.benchProperties = benchProperties;
    this.console = console;
  }

  public static void main(String[] args) {
    // The GPU check below loads PyTorch: DJL must not reach for its native downloads.
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    Map<String, String> properties = new TreeMap<>();
    System.getProperties().forEach((key, value) -> {
      if (key.toString().startsWith("bench.")) {
        properties.put(key.toString(), value.toString());
      }
    });
    System.exit(launch(properties, System.out, System.err));
  }

  /**
   * Runs the whole pipeline with {@code benchProperties}; with bench.device=gpu, first makes sure
   * there is a GPU, and stops before any stage (exit code 2) if there is none.
   */
  static int launch(Map<String, String> benchProperties, PrintStream console, PrintStream errors) {
    if (ComputeDevice.byId(benchProperties.get("bench.device")) == ComputeDevice.GPU) {
      try {
        Cuda.require("-Dbench.device=gpu");
      } catch (IllegalArgumentException noGpu) {
        errors.println("error: " + noGpu.getMessage());
        return 2;
      }
    }
    String out = benchProperties.getOrDefault("bench.out", "");
    BenchPipeline pipeline = new BenchPipeline(
        Path.of(out.isBlank() ? Defaults.OUTPUT_DIRECTORY : out), benchProperties, console);
    return pipeline.run(pipeline.stages());
  }

  /** The stages of a bench run, in order; the report follows them whatever happens. */
  List<Stage> stages() {
    return List.of(
        Stage.cli("data", "data", "verify"),
        Stage.cli("train", "train"),
        // evaluate runs every engine over the test set and measures their agreement: export's own
        // check of the same would only double the time.
        Stage.cli("export", "export", "--no-check"),
        Stage.cli("evaluate", "evaluate"),
        Stage.cli("stats", "stats"),
        Stage.cli("robustness", "robustness"),
        Stage.cli("imbalance", "imbalance"),
        Stage.cli("transfer", "transfer"),
        Stage.cli("loss", "loss"),
        // bench takes the output directory and finds the dataset's run in it, as the stages do.
        Stage.cli("benchmarks", "bench", "--in", out.toString()));
  }

  /**
   * Runs {@code stages} until one fails, then the report; returns 0 if every one succeeded, else
   * the failed stage's exit code (or 1 if only the report failed).
   */
  @SuppressWarnings("try") // the lock is held, not used
  int run(List<Stage> stages) {
    // The pipeline holds the run for all its stages; each stage's JVM, its child, writes under it.
    try (OutputLock lock = OutputLock.acquire(run, "archbench pipeline (mvn verify -Pbench)",
        notice -> console.println("note: " + notice))) {
      return runHolding(stages);
    } catch (IOException locked) {
      console.println("error: " + locked.getMessage());
      return 2;
    }
  }

  private int runHolding(List<Stage> stages) {
    List<Outcome> outcomes = new ArrayList<>();
    Outcome failed = null;
    for (Stage stage : stages) {
      Outcome outcome = runStage(stage);
      outcomes.add(outcome);
      if (outcome.exitCode() != 0) {
        failed = outcome;
        console.printf(Locale.ROOT, "%nStage '%s' failed (exit code %d). The results of the stages"
            + " before it are intact under %s; rendering the report of what exists.%n",
            stage.name(), outcome.exitCode(), run);
        break;
      }
    }
    Outcome report = runStage(Stage.cli("report", "report", "--in", run.toString()));
    outcomes.add(report);
    printSummary(outcomes);
    if (failed != null) {
      console.printf(Locale.ROOT, "FAILED: stage '%s'. Fix it and run again: finished models are"
          + " reused, and training resumes from its last checkpoint.%n", failed.stage());
      return failed.exitCode();
    }
    return report.exitCode() == 0 ? 0 : 1;
  }

  private Outcome runStage(Stage stage) {
    console.printf(Locale.ROOT, "%n=== archbench: %s ===%n", stage.name());
    console.flush();
    long start = System.nanoTime();
    int exitCode;
    try (RunStages.Stage record = RunStages.start(new OutputLayout(run), stage.name())
        .preset(Preset.byId(benchProperties.get("bench.preset")))) {
      exitCode = runJvm(stage);
      if (exitCode == 0) {
        record.complete();
      }
    } catch (IOException e) {
      console.println("error: could not record stage " + stage.name() + " in run.json: "
          + e.getMessage());
      exitCode = 1;
    }
    return new Outcome(stage.name(), exitCode, (System.nanoTime() - start) / 1e9);
  }

  /** Runs the stage's JVM with this JVM's console, and stops it if this JVM is stopped. */
  private int runJvm(Stage stage) throws IOException {
    Process process = new ProcessBuilder(command(stage)).inheritIO().start();
    Thread stopChild = new Thread(process::destroy);
    Runtime.getRuntime().addShutdownHook(stopChild);
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      Runtime.getRuntime().removeShutdownHook(stopChild);
    }
  }

  /**
   * java, this JVM's classpath, every non-blank bench.* setting (every architecture unless
   * bench.archs names some), the stage's main class and arguments.
   */
  List<String> command(Stage stage) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Map<String, String> properties = new TreeMap<>();
    benchProperties.forEach((key, value) -> {
      if (!value.isBlank()) {
        properties.put(key, value.trim());
      }
    });
    properties.put("bench.out", out.toString());
    // The subcommands take no architectures by default; a bench run takes every registered one.
    properties.putIfAbsent("bench.archs", String.join(",",
        Architectures.all().stream().map(spec -> spec.id()).toList()));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(stage.mainClass());
    command.addAll(stage.arguments());
    return command;
  }

  private void printSummary(List<Outcome> outcomes) {
    console.printf(Locale.ROOT, "%n%-12s %-8s %10s%n", "stage", "status", "seconds");
    double total = 0;
    for (Outcome outcome : outcomes) {
      console.printf(Locale.ROOT, "%-12s %-8s %10.1f%n", outcome.stage(),
          outcome.exitCode() == 0 ? "ok" : "FAILED", outcome.seconds());
      total += outcome.seconds();
    }
    console.printf(Locale.ROOT, "%-12s %-8s %10.1f%n", "total", "", total);
    console.println("Results: " + run);
    console.flush();
  }
}
