package org.archbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.archbench.harness.provenance.CpuTimes;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.CostFigures;
import org.archbench.schema.jmh.JmhResults;
import org.archbench.schema.jmh.MachineStability;
import org.archbench.schema.jmh.RoundOrder;
import org.archbench.schema.jmh.Verdict;
import org.openjdk.jmh.profile.AsyncProfiler;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The steady-state benchmarks in rounds ({@link RoundPlan}), adaptively: the preset's rounds
 * first, every configuration once each; then further rounds of only the configurations with a
 * figure not yet {@code ok} ({@link CostFigures#deciding}), while the preset's time budget allows a
 * fork of each (its expected time is the mean of its forks so far), up to the preset's most rounds.
 * A short calibration (one GEMM fork) runs before the rounds and after each, and each round
 * records the CPU other processes took: jmh/stability.json.
 *
 * <p>Flame graphs, when asked for, come from the first round's forks only: a later fork of the
 * same configuration would overwrite its graph, and each profiled fork pays for the agent's start
 * and for writing the graph. Calibrations are never profiled.
 */
final class SteadyStateRounds {

  /** A calibration's GEMM: ONNX Runtime's MLAS, the same kernel every time. */
  private static final Map<String, String> CALIBRATION =
      Map.of("library", "onnxruntime", "n", "1024");

  private final OutputLayout layout;
  private final JmhPreset budget;
  /** New options of a fork: the JVM, the profilers, the result format. */
  private final Supplier<ChainedOptionsBuilder> forks;
  /** async-profiler's options for the first round's forks, if flame graphs are drawn. */
  private final Optional<String> flameGraphs;
  private final PrintStream console;
  private final Path directory;

  /** Each configuration's records, in JMH's order of the configurations. */
  private final Map<RoundPlan.Configuration, List<JsonNode>> records = new LinkedHashMap<>();
  /** Each configuration's forks' wall times, seconds. */
  private final Map<RoundPlan.Configuration, List<Double>> forkSeconds = new LinkedHashMap<>();
  private final List<List<String>> orders = new ArrayList<>();
  private final List<MachineStability.Calibration> calibrations = new ArrayList<>();
  private final List<MachineStability.RoundLoad> loads = new ArrayList<>();

  /**
   * @param forks new options of a fork: the stage's JVM, profilers and result format
   * @param flameGraphs async-profiler's options, to draw a flame graph per configuration
   */
  SteadyStateRounds(OutputLayout layout, JmhPreset budget, Supplier<ChainedOptionsBuilder> forks,
      Optional<String> flameGraphs, PrintStream console) {
    this.layout = layout;
    this.budget = budget;
    this.forks = forks;
    this.flameGraphs = flameGraphs;
    this.console = console;
    this.directory = layout.jmhRounds();
  }

  /** Runs {@code plan} and writes the steady-state part, one record per configuration. */
  Path run(RoundPlan plan) throws IOException, RunnerException {
    AtomicFiles.createDirectories(directory);
    plan.configurations().forEach(configuration -> {
      records.put(configuration, new ArrayList<>());
      forkSeconds.put(configuration, new ArrayList<>());
    });
    writeOrders(plan);
    calibrate("before");
    long start = System.nanoTime();
    List<RoundPlan.Configuration> pending = plan.configurations();
    for (int round = 1; !pending.isEmpty(); round++) {
      boolean required = round <= plan.rounds();
      List<RoundPlan.Configuration> order = plan.order(round, pending);
      List<String> ran = new ArrayList<>();
      Optional<CpuTimes> before = CpuTimes.now();
      long roundStart = System.nanoTime();
      for (int i = 0; i < order.size(); i++) {
        RoundPlan.Configuration configuration = order.get(i);
        Duration left = budget.budget().minusNanos(System.nanoTime() - start);
        if (!required && expectedSeconds(configuration) > left.toMillis() / 1000.0) {
          continue;
        }
        console.printf(Locale.ROOT, "round %d%s, %d/%d: %s%n", round,
            required ? "/" + plan.rounds() : " (until ok)", i + 1, order.size(),
            configuration.label());
        runFork(configuration, round, i + 1);
        ran.add(configuration.label());
      }
      if (ran.isEmpty()) {
        break;
      }
      double seconds = (System.nanoTime() - roundStart) / 1e9;
      Optional<CpuTimes> after = CpuTimes.now();
      loads.add(new MachineStability.RoundLoad(round, seconds,
          before.isPresent() && after.isPresent()
              ? before.get().otherShareUntil(after.get()) : null));
      orders.add(ran);
      writeOrders(plan);
      calibrate("after round " + round);
      pending = round < plan.rounds() ? plan.configurations()
          : round < budget.maximumRounds() ? notYetOk() : List.of();
    }
    writeStability();
    Path steadyState = layout.jmhPart("steady-state");
    AtomicFiles.write(steadyState, JsonFiles.mapper().writeValueAsBytes(
        ForkMerge.merge(records.values().stream().flatMap(List::stream).toList())));
    return steadyState;
  }

  private void runFork(RoundPlan.Configuration configuration, int round, int position)
      throws IOException, RunnerException {
    Path part = directory.resolve(String.format(Locale.ROOT, "%d-%03d.json", round, position));
    ChainedOptionsBuilder options = budget.iterations(forks.get());
    if (round == 1) {
      flameGraphs.ifPresent(profiler -> options.addProfiler(AsyncProfiler.class, profiler));
    }
    options.include(configuration.include())
        .forks(1)
        .verbosity(VerboseMode.SILENT)
        .result(part.toString());
    configuration.params().forEach(options::param);
    long start = System.nanoTime();
    new Runner(options.build()).run();
    forkSeconds.get(configuration).add((System.nanoTime() - start) / 1e9);
    JsonFiles.mapper().readTree(part.toFile()).forEach(records.get(configuration)::add);
  }

  /** The mean wall time of the configuration's forks so far. */
  private double expectedSeconds(RoundPlan.Configuration configuration) {
    return forkSeconds.get(configuration).stream().mapToDouble(Double::doubleValue).average()
        .orElse(0);
  }

  /** The configurations with a deciding figure that is not ok. */
  private List<RoundPlan.Configuration> notYetOk() {
    List<RoundPlan.Configuration> pending = new ArrayList<>();
    records.forEach((configuration, forksRecords) -> {
      boolean ok = JmhResults.of(ForkMerge.merge(forksRecords)).records().stream()
          .flatMap(record -> CostFigures.deciding(record).stream())
          .allMatch(figure -> figure != null && figure.verdict() == Verdict.OK);
      if (!ok) {
        pending.add(configuration);
      }
    });
    return pending;
  }

  /** One short fork of the GEMM; its GFLOP/s is recorded, or nothing if it gave none. */
  private void calibrate(String when) throws IOException, RunnerException {
    Path part = directory.resolve("calibration-" + (calibrations.size() + 1) + ".json");
    ChainedOptionsBuilder options = forks.get()
        .warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
        .measurementIterations(2).measurementTime(TimeValue.milliseconds(300))
        .include(JmhPreset.every(PeakGemmBenchmark.class))
        .forks(1)
        .verbosity(VerboseMode.SILENT)
        .result(part.toString());
    CALIBRATION.forEach(options::param);
    new Runner(options.build()).run();
    JmhResults.read(part).records().stream().findFirst()
        .map(record -> record.secondary("flop"))
        .filter(flop -> flop.isPresent() && flop.getAsDouble() > 0)
        .ifPresent(flop ->
            calibrations.add(new MachineStability.Calibration(when, flop.getAsDouble() / 1e9)));
  }

  private void writeStability() throws IOException {
    MachineStability stability = new MachineStability(calibrations,
        MachineStability.driftOf(calibrations), loads, Instant.now().toString());
    JsonFiles.write(layout.jmhStability(), stability);
  }

  /** jmh/rounds.json as it stands: before the first round, and after each. */
  private void writeOrders(RoundPlan plan) throws IOException {
    JsonFiles.write(layout.jmhRoundOrder(), new RoundOrder(plan.seed(), plan.rounds(),
        plan.configurations().size(), orders.size(), orders));
  }
}
