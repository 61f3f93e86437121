package org.archbench.reports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.archbench.schema.MeasuredModel;
import org.archbench.schema.ModelChanges;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.robustness.RobustnessReport;
import org.archbench.schema.stats.StatisticsReport;

/**
 * The results of a run that no longer describe its models: each records the hash of the model file
 * it measured, and a file trained or exported again since makes it stale. {@code check} lists
 * them as problems; the report names them first and leaves their figures out of every table
 * ({@link #current}), so that a figure of an earlier model never stands beside those of the
 * current one.
 *
 * @param stale "stale: models/cnn/cnn.onnx changed after eval/cnn.json was written; run evaluate
 *     again", once per model file and result file
 * @param notRecorded the result files written before results recorded their model: they cannot
 *     be checked, and are shown as they are
 * @param staleEngines per eval/&lt;arch&gt;.json, the engine results that are stale
 * @param staleRobustness the robustness results (by stem) that are stale
 * @param staleStatistics whether stats.json is stale
 */
record StaleResults(List<String> stale, List<String> notRecorded,
    Map<String, List<EngineEvaluation>> staleEngines, Set<String> staleRobustness,
    boolean staleStatistics) {

  /**
   * Checks every evaluation, robustness and statistics result of {@code run} against the model
   * files in its directory.
   *
   * @throws IOException if a model file is there but cannot be read
   */
  static StaleResults of(RunResults run) throws IOException {
    ModelChanges changes = new ModelChanges(new OutputLayout(run.directory()));
    Set<String> stale = new LinkedHashSet<>();
    Set<String> notRecorded = new LinkedHashSet<>();
    Map<String, List<EngineEvaluation>> staleEngines = new LinkedHashMap<>();
    for (Map.Entry<String, EvaluationReport> evaluation : run.evaluations().entrySet()) {
      String file = "eval/" + evaluation.getKey() + ".json";
      for (EngineEvaluation engine : evaluation.getValue().engines()) {
        Optional<String> why = changes.stale(engine.model(), file, "evaluate");
        why.ifPresent(stale::add);
        if (why.isPresent()) {
          staleEngines.computeIfAbsent(evaluation.getKey(), arch -> new ArrayList<>()).add(engine);
        }
        if (engine.model() == null) {
          notRecorded.add(file);
        }
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
      if (model == null) {
        notRecorded.add(file);
      }
    }
    boolean staleStatistics = false;
    if (run.statistics().isPresent()) {
      StatisticsReport statistics = run.statistics().get();
      for (MeasuredModel model : statistics.models()) {
        Optional<String> why = changes.stale(model, "stats.json", "stats");
        why.ifPresent(stale::add);
        staleStatistics |= why.isPresent();
      }
      if (statistics.models().isEmpty() && !statistics.pairs().isEmpty()) {
        notRecorded.add("stats.json");
      }
    }
    return new StaleResults(List.copyOf(stale), List.copyOf(notRecorded), staleEngines,
        staleRobustness, staleStatistics);
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
        staleStatistics ? Optional.empty() : run.statistics(), run.jmh(), run.stability(),
        run.benchmarksNotSupported());
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
