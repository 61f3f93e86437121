package org.archbench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.BenchmarkedModels;
import org.archbench.schema.jmh.ConfigurationParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.archbench.schema.provenance.MeasuredModel;
import org.archbench.schema.provenance.ModelChanges;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.robustness.RobustnessReport;
import org.archbench.schema.stats.StatisticsReport;

/**
 * The results of a run that no longer describe its models: each records the hash of the model file
 * it measured (the benchmarks in jmh/models.json), and a file trained or exported again since makes
 * it stale. {@code check} lists them as problems; the report names them first and leaves their
 * figures out of every table ({@link #current}), so that a figure of an earlier model never stands
 * beside those of the current one.
 *
 * @param stale "stale: models/cnn/cnn.onnx changed after eval/cnn.json was written; run evaluate
 *     again", once per model file and result file
 * @param unchecked why a result cannot be checked against its model, once per result file (and
 *     model directory): it was
 *     written before results recorded their model, or the run lacks that model's directory (copied
 *     without models/); such results are shown as they are
 * @param staleEngines per eval/&lt;arch&gt;.json, the engine results that are stale
 * @param staleRobustness the robustness results (by stem) that are stale
 * @param staleStatistics whether stats.json is stale
 * @param staleBenchmarks the benchmarked configurations whose model is stale, as their figures'
 *     parameters name them ({@link ConfigurationParams#of})
 */
record StaleResults(List<String> stale, List<String> unchecked,
    Map<String, List<EngineEvaluation>> staleEngines, Set<String> staleRobustness,
    boolean staleStatistics, Set<Map<String, String>> staleBenchmarks) {

  /** How messages name the benchmark results the report reads. */
  private static final String RESULTS = "jmh/figures.json";

  /**
   * Checks every evaluation, robustness and statistics result of {@code run} against the model
   * files in its directory.
   *
   * @throws IOException if a model file is there but cannot be read
   */
  static StaleResults of(RunResults run) throws IOException {
    ModelChanges changes = new ModelChanges(new OutputLayout(run.directory()));
    Set<String> stale = new LinkedHashSet<>();
    Set<String> unchecked = new LinkedHashSet<>();
    Map<String, List<EngineEvaluation>> staleEngines = new LinkedHashMap<>();
    for (Map.Entry<String, EvaluationReport> evaluation : run.evaluations().entrySet()) {
      String file = "eval/" + evaluation.getKey() + ".json";
      for (EngineEvaluation engine : evaluation.getValue().engines()) {
        Optional<String> why = changes.stale(engine.model(), file, "evaluate");
        why.ifPresent(stale::add);
        if (why.isPresent()) {
          staleEngines.computeIfAbsent(evaluation.getKey(), arch -> new ArrayList<>()).add(engine);
        }
        unchecked(changes, engine.model(), file).ifPresent(unchecked::add);
      }
    }
    Set<String> staleRobustness = new LinkedHashSet<>();
    for (Map.Entry<String, RobustnessReport> robustness : run.robustness().entrySet()) {
      String file = "robustness/" + robustness.getKey() + ".json";
      MeasuredModel model = robustness.getValue().model();
      Optional<String> why = changes.stale(model, file, "robustness");
      why.ifPresent(stale::add);
      if (why.isPresent()) {
        staleRobustness.add(robustness.getKey());
      }
      unchecked(changes, model, file).ifPresent(unchecked::add);
    }
    boolean staleStatistics = false;
    if (run.statistics().isPresent()) {
      StatisticsReport statistics = run.statistics().get();
      for (MeasuredModel model : statistics.models()) {
        Optional<String> why = changes.stale(model, "stats.json", "stats");
        why.ifPresent(stale::add);
        staleStatistics |= why.isPresent();
        unchecked(changes, model, "stats.json").ifPresent(unchecked::add);
      }
      if (statistics.models().isEmpty() && !statistics.pairs().isEmpty()) {
        unchecked.add(notRecorded("stats.json"));
      }
    }
    Set<Map<String, String>> staleBenchmarks = staleBenchmarks(run, changes, stale, unchecked);
    return new StaleResults(List.copyOf(stale), List.copyOf(unchecked), staleEngines,
        staleRobustness, staleStatistics, staleBenchmarks);
  }

  /**
   * The configurations of jmh/figures.json whose model, as jmh/models.json recorded it before JMH
   * started, has changed since.
   */
  private static Set<Map<String, String>> staleBenchmarks(RunResults run, ModelChanges changes,
      Set<String> stale, Set<String> unchecked) throws IOException {
    Set<Map<String, String>> staleKeys = new LinkedHashSet<>();
    if (run.figures().isEmpty()) {
      return staleKeys;
    }
    Path file = new OutputLayout(run.directory()).jmhModels();
    if (!Files.isRegularFile(file)) {
      unchecked.add(notRecorded(RESULTS));
      return staleKeys;
    }
    BenchmarkedModels models = JsonFiles.read(file, BenchmarkedModels.class);
    for (BenchmarkedModels.Entry entry : models.models()) {
      Optional<String> why = changes.stale(entry.model(), RESULTS, "bench");
      why.ifPresent(stale::add);
      unchecked(changes, entry.model(), RESULTS).ifPresent(unchecked::add);
      if (why.isPresent()) {
        staleKeys.add(ConfigurationParams.of(entry.engine(), entry.arch(), entry.variant()));
      }
    }
    return staleKeys;
  }

  /** Why {@code file}'s result of {@code model} cannot be checked, if it cannot. */
  private static Optional<String> unchecked(ModelChanges changes, MeasuredModel model,
      String file) {
    if (model == null) {
      return Optional.of(notRecorded(file));
    }
    if (!changes.checkable(model)) {
      String directory = model.file().substring(0, model.file().lastIndexOf('/') + 1);
      return Optional.of(file + ": the model it measured is in " + directory + ", which this run"
          + " does not hold (copied without its models?), so it cannot be checked against it;"
          + " its figures are shown as they are.");
    }
    return Optional.empty();
  }

  private static String notRecorded(String file) {
    return file + ": the model it measured is not recorded (an older archbench wrote it), so it"
        + " cannot be checked against the model in the run; its figures are shown as they are.";
  }

  /** Whether every result checked is current. */
  boolean none() {
    return stale.isEmpty();
  }

  /**
   * {@code run} without its stale results: the engine results, the comparisons with float32 that
   * use them, the robustness results and the statistics of models changed since.
   */
  RunResults current(RunResults run) {
    if (none()) {
      return run;
    }
    Map<String, EvaluationReport> evaluations = new LinkedHashMap<>(run.evaluations());
    staleEngines.forEach((arch, engines) -> evaluations.computeIfPresent(arch, (key, report) ->
        withoutEngines(report, engines)));
    Map<String, RobustnessReport> robustness = new LinkedHashMap<>(run.robustness());
    robustness.keySet().removeAll(staleRobustness);
    return new RunResults(run.directory(), run.run(), run.training(), evaluations, robustness,
        run.imbalance(), run.transfer(), run.loss(),
        staleStatistics ? Optional.empty() : run.statistics(),
        run.stability(), run.benchmarksNotSupported(),
        // The figures and the comparisons that measured a stale model on either side.
        run.figures().map(figures -> figures.without(this::staleParams)));
  }

  /** Whether {@code params} name a configuration whose model is stale. */
  private boolean staleParams(Map<String, String> params) {
    return staleBenchmarks.contains(ConfigurationParams.configuration(params));
  }

  private static EvaluationReport withoutEngines(EvaluationReport report,
      List<EngineEvaluation> stale) {
    return new EvaluationReport(report.arch(), report.specSha256(), report.datasetSha256(),
        report.training(), report.convergence(), report.cost(),
        report.engines().stream().filter(engine -> !stale.contains(engine)).toList(),
        // The engines' agreement included a stale float32 result: it is of no current model.
        stale.stream().anyMatch(engine -> engine.variant().equals(ModelVariantIds.FLOAT32))
            ? null : report.agreement(),
        report.againstFloat32().stream().filter(comparison -> stale.stream().noneMatch(engine ->
            engine.engine().equals(comparison.engine()))).toList(),
        report.notSupported(), report.archbenchVersion(), report.gitCommit(),
        report.createdAt());
  }
}
