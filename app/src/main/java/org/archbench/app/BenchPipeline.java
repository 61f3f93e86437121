package org.archbench.app;

import org.archbench.schema.io.OutputDirectory;
import org.archbench.schema.io.OutputLock;
import org.archbench.harness.data.IdxDatasets;
import org.archbench.harness.provenance.RunStages;
import org.archbench.harness.engine.Cuda;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.archbench.harness.Defaults;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.Preset;
import org.archbench.harness.PresetBudget;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.run.TrainingSpeeds;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.models.spec.Architectures;

/**
 * {@code mvn verify -Pbench}: every stage in order (data; train, imbalance, transfer and loss
 * together; export, evaluate, stats, robustness, bench), then the report of whatever they left.
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
  private static final String REPORT = "report";
  private static final String BENCHMARKS = "benchmarks";
  /** The report's stage: one JVM reading the result files and writing HTML, SVG and tables. */
  private static final double REPORT_SECONDS = 15;

  /**
   * One stage: its name in run.json, the main class and arguments of its JVM, and whether it trains
   * its architectures in lanes side by side ({@link LanePlan}). Consecutive stages in lanes run as
   * one queue of jobs ({@link LaneQueue}), a JVM per architecture and stage.
   */
  record Stage(String name, String mainClass, List<String> arguments, boolean inLanes) {

    static Stage cli(String name, String... arguments) {
      return new Stage(name, CLI, List.of(arguments), false);
    }

    /** A stage whose architectures train in lanes, a JVM per architecture. */
    static Stage lanes(String name, String... arguments) {
      return new Stage(name, CLI, List.of(arguments), true);
    }
  }

  /** How one stage ended. */
  record Outcome(String stage, int exitCode, double seconds) {}

  private final Path out;
  /** The run of the chosen dataset: {@code out} itself, or datasets/&lt;id&gt;/ under it. */
  private final Path run;
  private final Map<String, String> benchProperties;
  private final PrintStream console;
  /** Set once the training speed is measured, at the first stage that trains in lanes. */
  private StageEstimates estimates;
  /** The architectures whose models were trained when the plan was made: the train stage reuses them. */
  private List<String> trainedAtPlan = List.of();
  /** What each stage's JVM needs in its environment to write under this pipeline's lock. */
  private Map<String, String> childEnvironment = Map.of();

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
        // The studies train their own models from the trained model's recipe: each can start as
        // soon as its architecture is trained, in whichever lane comes free.
        Stage.lanes("train", "train"),
        Stage.lanes("imbalance", "imbalance"),
        Stage.lanes("transfer", "transfer"),
        Stage.lanes("loss", "loss"),
        // evaluate runs every engine over the test set and measures their agreement: export's own
        // check of the same would only double the time.
        Stage.cli("export", "export", "--no-check"),
        Stage.cli("evaluate", "evaluate"),
        Stage.cli("stats", "stats"),
        Stage.cli("robustness", "robustness"),
        // bench takes the output directory and finds the dataset's run in it, as the stages do.
        Stage.cli(BENCHMARKS, "bench", "--in", out.toString()));
  }

  /**
   * Runs {@code stages} until one fails, then the report; returns 0 if every one succeeded, else
   * the failed stage's exit code (or 1 if only the report failed).
   */
  @SuppressWarnings("try") // the lock is held, not used
  int run(List<Stage> stages) {
    // The pipeline holds the run for all its stages; each stage's JVM, its child, writes under it.
    boolean forceOut = Boolean.parseBoolean(benchProperties.getOrDefault("bench.force-out", ""));
    try {
      OutputDirectory.requireRunOrEmpty(out, forceOut);
      RunStages.requireReadable(new OutputLayout(run));
    } catch (IOException notARun) {
      console.println("error: " + notARun.getMessage());
      return 2;
    }
    try (OutputLock lock = OutputLock.acquire(new OutputLayout(run),
        "archbench pipeline (mvn verify -Pbench)", forceOut,
        notice -> console.println("note: " + notice))) {
      childEnvironment = lock.environmentForChildren();
      return runHolding(stages);
    } catch (IOException locked) {
      console.println("error: " + locked.getMessage());
      return 2;
    }
  }

  private int runHolding(List<Stage> stages) {
    List<List<Stage>> steps = steps(stages);
    List<String> names = new ArrayList<>(steps.stream().map(BenchPipeline::name).toList());
    names.add(REPORT);
    try (PipelineProgress progress = new PipelineProgress(console, names).start()) {
      Outcome failed = null;
      for (List<Stage> step : steps) {
        List<List<Stage>> fromHere = steps.subList(steps.indexOf(step), steps.size());
        // The first stages that train in lanes measure the speed their lanes train at, as part of
        // their own time, and the plan of every stage from there on follows.
        boolean inLanes = step.get(0).inLanes();
        Runnable planFirst = inLanes && estimates == null
            ? () -> plan(progress, fromHere) : () -> { };
        Outcome outcome = inLanes ? runLanes(step, progress, planFirst)
            : runStage(step.get(0), progress, planFirst);
        if (outcome.exitCode() != 0) {
          failed = outcome;
          console.printf(Locale.ROOT, "%nStage '%s' failed (exit code %d). The results of the"
              + " stages before it are intact under %s; rendering the report of what exists.%n",
              outcome.stage(), outcome.exitCode(), run);
          break;
        }
      }
      Outcome report =
          runStage(Stage.cli(REPORT, "report", "--in", run.toString()), progress, () -> { });
      printSummary(progress.finished());
      if (failed != null) {
        console.printf(Locale.ROOT, "FAILED: stage '%s'. Fix it and run again: finished models are"
            + " reused, and training resumes from its last checkpoint.%n", failed.stage());
        return failed.exitCode();
      }
      return report.exitCode() == 0 ? 0 : 1;
    }
  }

  /**
   * The run's steps: each stage on its own, except consecutive stages in lanes, which run as one
   * step.
   */
  private static List<List<Stage>> steps(List<Stage> stages) {
    List<List<Stage>> steps = new ArrayList<>();
    for (Stage stage : stages) {
      List<Stage> last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
      if (stage.inLanes() && last != null && last.get(0).inLanes()) {
        last.add(stage);
      } else {
        steps.add(new ArrayList<>(List.of(stage)));
      }
    }
    return steps;
  }

  /** A step's name in the progress line and the summary: "train + imbalance + ...". */
  private static String name(List<Stage> step) {
    return String.join(" + ", step.stream().map(Stage::name).toList());
  }

  /**
   * Measures the training speed in every lane at once, as the trainings will run, and estimates
   * {@code steps} from it. Without a measurement (the probe failed) the stages run unestimated,
   * their jobs in the registry's order.
   */
  private void plan(PipelineProgress progress, List<List<Stage>> steps) {
    List<String> archs = archs();
    int cores = EngineSettings.cpuThreads();
    LanePlan probe = LanePlan.of(cores, archs.size());
    console.printf(Locale.ROOT, "Measuring the training speed of each architecture (%s)%n",
        probe.decidedBy());
    console.flush();
    List<Path> files = new ArrayList<>();
    List<List<String>> commands = new ArrayList<>();
    for (int lane = 0; lane < probe.count(); lane++) {
      Path file = new OutputLayout(run).pipeline().resolve("speed-" + (lane + 1) + ".json");
      files.add(file);
      commands.add(command(Stage.cli("train", "train", "--measure-speed", file.toString()),
          archs, probe.threadsPerLane()));
    }
    Optional<TrainingSpeeds> speeds = Optional.empty();
    try {
      if (runJvms(commands, probe.threadsPerLane()) == 0) {
        speeds = Optional.of(meanSpeeds(files));
      }
    } catch (IOException unreadable) {
      console.println("note: the training speed could not be read (" + unreadable.getMessage()
          + "); the stages run without an ETA");
    }
    if (speeds.isEmpty()) {
      return;
    }
    estimates = new StageEstimates(speeds.get(), work(), preset(), cores);
    trainedAtPlan = archs.stream().filter(arch -> TrainingWork.trained(run, arch)).toList();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (List<Stage> step : steps) {
      seconds.put(name(step), step.get(0).inLanes() ? queue(step).plan().seconds()
          : estimates.seconds(step.get(0).name(), archs));
    }
    seconds.put(REPORT, REPORT_SECONDS);
    progress.estimate(seconds);
  }

  /** Each architecture's mean speed over the lanes that measured it. */
  private static TrainingSpeeds meanSpeeds(List<Path> files) throws IOException {
    Map<String, List<Double>> byArch = new LinkedHashMap<>();
    int threads = 0;
    for (Path file : files) {
      TrainingSpeeds lane = JsonFiles.read(file, TrainingSpeeds.class);
      threads = lane.intraOpThreads();
      lane.archs().forEach(speed -> byArch.computeIfAbsent(speed.arch(), arch -> new ArrayList<>())
          .add(speed.secondsPerImage()));
    }
    List<TrainingSpeeds.ArchSpeed> mean = new ArrayList<>();
    byArch.forEach((arch, seconds) -> mean.add(new TrainingSpeeds.ArchSpeed(arch,
        seconds.stream().mapToDouble(Double::doubleValue).average().orElseThrow())));
    return new TrainingSpeeds(threads, mean, java.time.Instant.now().toString());
  }

  /** Runs {@code stage}, {@code planFirst} at its start and within its time. */
  private Outcome runStage(Stage stage, PipelineProgress progress, Runnable planFirst) {
    console.printf(Locale.ROOT, "%n=== archbench: %s ===%n", stage.name());
    console.flush();
    long start = System.nanoTime();
    long startMillis = System.currentTimeMillis();
    int exitCode;
    try (RunStages.Stage record = RunStages.start(new OutputLayout(run), stage.name())
        .preset(preset())) {
      planFirst.run();
      OptionalDouble estimate = progress.stageStarted(stage.name(),
          () -> stageProgress(stage, startMillis), (System.nanoTime() - start) / 1e9);
      printEstimate(stage.name(), estimate);
      estimate.ifPresent(record::estimate);
      exitCode = runJvms(List.of(command(stage)), 0);
      if (exitCode == 0) {
        record.complete();
      }
    } catch (IOException e) {
      console.println("error: could not record stage " + stage.name() + " in run.json: "
          + e.getMessage());
      exitCode = 1;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    progress.stageEnded(stage.name(), exitCode == 0, seconds);
    return new Outcome(stage.name(), exitCode, seconds);
  }

  /**
   * Runs the stages of {@code step} as one queue of jobs in lanes, {@code planFirst} at its start;
   * each stage is recorded in run.json from its first job's start to its last job's end.
   */
  private Outcome runLanes(List<Stage> step, PipelineProgress progress, Runnable planFirst) {
    String name = name(step);
    console.printf(Locale.ROOT, "%n=== archbench: %s ===%n", name);
    console.flush();
    long start = System.nanoTime();
    long startMillis = System.currentTimeMillis();
    planFirst.run();
    LaneQueue queue = queue(step);
    LanePlan lanes = lanes(queue.jobs().size());
    LaneQueue.Schedule schedule = queue.plan();
    OptionalDouble estimate = progress.stageStarted(name,
        () -> lanesProgress(step, queue, startMillis), (System.nanoTime() - start) / 1e9);
    console.printf(Locale.ROOT, "%s: %d job%s, %s%n", name, queue.jobs().size(),
        queue.jobs().size() == 1 ? "" : "s", lanes.decidedBy());
    printEstimate(name, estimate);
    StageRecords records = new StageRecords(new OutputLayout(run), preset(), lanes, queue.jobs(),
        estimates == null ? stage -> OptionalDouble.empty()
            : stage -> OptionalDouble.of(schedule.span(stage, queue.jobs())), console);
    int exitCode;
    try {
      exitCode = queue.run((job, lane) -> {
        try {
          return runJvms(List.of(command(stageNamed(step, job.stage()), List.of(job.arch()),
              lanes.threadsPerLane())), lanes.threadsPerLane());
        } catch (IOException e) {
          console.println("error: could not start " + job.id() + ": " + e.getMessage());
          return 1;
        }
      }, records);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exitCode = 130;
    }
    String failed = records.close();
    double seconds = (System.nanoTime() - start) / 1e9;
    progress.stageEnded(name, exitCode == 0, seconds);
    return new Outcome(exitCode == 0 || failed == null ? name : failed, exitCode, seconds);
  }

  private static Stage stageNamed(List<Stage> step, String name) {
    return step.stream().filter(stage -> stage.name().equals(name)).findFirst().orElseThrow();
  }

  /**
   * The jobs of {@code step}: each stage for each architecture it trains, the studies after their
   * architecture's training, estimated from the measured speed (or all alike before it is).
   */
  private LaneQueue queue(List<Stage> step) {
    TrainingWork work = work();
    List<LaneQueue.Job> jobs = new ArrayList<>();
    boolean trainsHere = step.stream().anyMatch(stage -> stage.name().equals("train"));
    for (Stage stage : step) {
      for (String arch : archs()) {
        if (!work.of(stage.name(), List.of(arch)).isEmpty()) {
          Set<String> after = stage.name().equals("train") || !trainsHere ? Set.of()
              : Set.of(LaneQueue.Job.id("train", arch));
          jobs.add(new LaneQueue.Job(stage.name(), arch, 1, after));
        }
      }
    }
    LanePlan lanes = lanes(jobs.size());
    List<LaneQueue.Job> estimated = estimates == null ? jobs : jobs.stream()
        .map(job -> new LaneQueue.Job(job.stage(), job.arch(),
            estimates.jobSeconds(job.stage(), job.arch(), lanes, trainedAtPlan), job.after()))
        .toList();
    return new LaneQueue(estimated, lanes.count());
  }

  private static LanePlan lanes(int jobs) {
    return LanePlan.of(EngineSettings.cpuThreads(), jobs);
  }

  private TrainingWork work() {
    return new TrainingWork(PresetBudget.of(preset()), benchProperties);
  }

  private Preset preset() {
    return Preset.byId(benchProperties.get("bench.preset"));
  }

  private void printEstimate(String name, OptionalDouble estimate) {
    if (estimate.isPresent()) {
      console.printf(Locale.ROOT, "%s: estimated %s%n", name,
          PipelineProgress.clock(estimate.getAsDouble()));
    }
    console.flush();
  }

  /** How far a stage that does not train has come: the benchmarks', from their forks. */
  private PipelineProgress.Progress stageProgress(Stage stage, long startMillis) {
    return stage.name().equals(BENCHMARKS)
        ? BenchmarkWork.progress(new OutputLayout(run), startMillis)
        : PipelineProgress.Progress.UNKNOWN;
  }

  /**
   * How far the training stages have come: their share of the jobs' estimated work, from the
   * epochs their training reports hold so far, and what the lanes are training.
   */
  private PipelineProgress.Progress lanesProgress(List<Stage> step, LaneQueue queue,
      long startMillis) {
    if (estimates == null) {
      return PipelineProgress.Progress.UNKNOWN;
    }
    double total = queue.jobs().stream().mapToDouble(LaneQueue.Job::seconds).sum();
    double estimated = 0;
    double took = 0;
    List<String> doing = new ArrayList<>();
    for (Stage stage : step) {
      TrainingWork.Done done = TrainingWork.done(run, stage.name(), startMillis,
          estimates::secondsPerImage);
      estimated += done.estimatedSeconds();
      took += done.tookSeconds();
      String running = TrainingWork.running(run, stage.name(), startMillis);
      if (!running.isEmpty()) {
        doing.add(stage.name() + " " + running);
      }
    }
    return new PipelineProgress.Progress(
        total == 0 ? Double.NaN : Math.min(1, estimated / total),
        new TrainingWork.Done(estimated, took).speedRatio(), String.join("; ", doing));
  }

  /**
   * Runs {@code commands} side by side with this JVM's console, each with {@code threads} OpenMP
   * threads (0 for the library's default), and stops them if this JVM is stopped; returns the first
   * non-zero exit code, or 0. A lane that fails does not stop the others: what they finish is kept.
   */
  private int runJvms(List<List<String>> commands, int threads) throws IOException {
    List<Process> processes = new ArrayList<>();
    Thread stopChildren = new Thread(() -> processes.forEach(Process::destroy));
    Runtime.getRuntime().addShutdownHook(stopChildren);
    try {
      for (List<String> command : commands) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(childEnvironment);
        if (threads > 0) {
          // MKL and OpenMP size their pools from these before PyTorch is told its threads.
          builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
          builder.environment().put("MKL_NUM_THREADS", Integer.toString(threads));
        }
        processes.add(builder.start());
      }
      int exitCode = 0;
      for (Process process : processes) {
        int code = process.waitFor();
        exitCode = exitCode == 0 ? code : exitCode;
      }
      return exitCode;
    } catch (InterruptedException e) {
      processes.forEach(Process::destroy);
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      Runtime.getRuntime().removeShutdownHook(stopChildren);
    }
  }

  /** {@code stage}'s command for the lane that trains {@code archs} on {@code threads} threads. */
  List<String> command(Stage stage, List<String> archs, int threads) {
    Map<String, String> laneProperties = new TreeMap<>(benchProperties);
    laneProperties.put("bench.archs", String.join(",", archs));
    laneProperties.put(EngineSettings.THREADS_PROPERTY, Integer.toString(threads));
    return command(stage, laneProperties);
  }

  /** Every architecture of the run: bench.archs, or every registered one. */
  private List<String> archs() {
    String archs = benchProperties.getOrDefault("bench.archs", "");
    return archs.isBlank() ? Architectures.all().stream().map(spec -> spec.id()).toList()
        : Arrays.stream(archs.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
  }

  /**
   * java, this JVM's classpath, every non-blank bench.* setting (every architecture unless
   * bench.archs names some), the stage's main class and arguments.
   */
  List<String> command(Stage stage) {
    return command(stage, benchProperties);
  }

  private List<String> command(Stage stage, Map<String, String> settings) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Map<String, String> properties = new TreeMap<>();
    settings.forEach((key, value) -> {
      if (!value.isBlank()) {
        properties.put(key, value.trim());
      }
    });
    properties.put("bench.out", out.toString());
    // The subcommands take no architectures by default; a bench run takes every registered one.
    properties.putIfAbsent("bench.archs", String.join(",", archs()));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(stage.mainClass());
    command.addAll(stage.arguments());
    return command;
  }

  /** Each stage's estimate at its start beside what it took, then the run's. */
  private void printSummary(List<PipelineProgress.StageTime> stages) {
    int width = Math.max(12, stages.stream().mapToInt(stage -> stage.stage().length()).max()
        .orElse(0));
    String row = "%-" + width + "s %-8s %10s %10s %8s%n";
    console.printf(Locale.ROOT, "%n" + row, "stage", "status", "estimated", "took", "ratio");
    double total = 0;
    double estimated = 0;
    for (PipelineProgress.StageTime stage : stages) {
      console.printf(Locale.ROOT, row, stage.stage(),
          stage.ok() ? "ok" : "FAILED",
          stage.estimatedSeconds().isPresent()
              ? PipelineProgress.clock(stage.estimatedSeconds().getAsDouble()) : "-",
          PipelineProgress.clock(stage.seconds()),
          stage.estimatedSeconds().isPresent() && stage.estimatedSeconds().getAsDouble() > 0
              ? String.format(Locale.ROOT, "%.2f",
                  stage.seconds() / stage.estimatedSeconds().getAsDouble()) : "-");
      total += stage.seconds();
      estimated += stage.estimatedSeconds().orElse(0);
    }
    console.printf(Locale.ROOT, row, "total", "",
        estimated > 0 ? PipelineProgress.clock(estimated) : "-", PipelineProgress.clock(total), "");
    console.println("Ratio: the time a stage took over its estimate when it started.");
    console.println("Results: " + run);
    console.flush();
  }
}
