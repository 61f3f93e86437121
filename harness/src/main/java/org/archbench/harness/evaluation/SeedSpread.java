package org.archbench.harness.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.archbench.harness.SeedRuns;
import org.archbench.harness.engine.EngineKind;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.stats.MeanInterval;
import org.archbench.schema.stats.SeedStatistics;

/**
 * The spread of one architecture's test metrics over training seeds: mean, sample standard
 * deviation and the 95% Student t-interval of the mean, per metric.
 */
public final class SeedSpread {

  private SeedSpread() {}

  /**
   * Summarises {@code evaluations}, one per seed of {@code seeds}.
   *
   * @throws IllegalArgumentException with fewer than two seeds, where no spread can be estimated
   */
  public static SeedStatistics of(
      String arch, String engine, List<Long> seeds, List<EngineEvaluation> evaluations) {
    if (seeds.size() < 2 || seeds.size() != evaluations.size()) {
      throw new IllegalArgumentException(
          "seed statistics: expected one evaluation for each of at least 2 seeds, found "
              + evaluations.size() + " evaluations for " + seeds.size() + " seeds");
    }
    return new SeedStatistics(arch, engine, List.copyOf(seeds), List.of(
        summary("accuracy", evaluations, EngineEvaluation::accuracy),
        summary("macro_f1", evaluations, EngineEvaluation::macroF1),
        summary("nll", evaluations, EngineEvaluation::negativeLogLikelihood),
        summary("ece", evaluations, EngineEvaluation::expectedCalibrationError),
        summary("brier", evaluations, EngineEvaluation::brierScore)));
  }

  /**
   * Reads the evaluation of every seed of {@code seeds} for {@code arch} by {@code engine} and
   * summarises them.
   *
   * @throws IOException naming the file, if a seed's evaluation is missing or lacks the engine
   */
  public static SeedStatistics read(
      OutputLayout layout, String arch, SeedRuns seeds, EngineKind engine) throws IOException {
    List<EngineEvaluation> evaluations = new ArrayList<>();
    for (long seed : seeds.seeds()) {
      Path file = seeds.layout(layout, seed).evaluation(arch);
      if (!Files.isRegularFile(file)) {
        throw new IOException(file + ": expected the evaluation of " + arch + " trained with seed "
            + seed + ", found no such file. Run archbench train and evaluate with --seeds "
            + seeds.count() + " first.");
      }
      EvaluationReport report = JsonFiles.read(file, EvaluationReport.class);
      evaluations.add(report.engines().stream()
          .filter(evaluation -> evaluation.engine().equals(engine.id()))
          .findFirst()
          .orElseThrow(() -> new IOException(file + ": expected results of the " + engine.id()
              + " engine for seed statistics, found only "
              + report.engines().stream().map(EngineEvaluation::engine).toList()
              + ". Evaluate with --engines including " + engine.id() + ".")));
    }
    return of(arch, engine.id(), seeds.seeds(), evaluations);
  }

  private static SeedStatistics.MetricSummary summary(
      String metric, List<EngineEvaluation> evaluations, ToDoubleFunction<EngineEvaluation> value) {
    return summarize(metric, evaluations.stream().mapToDouble(value).toArray());
  }

  /** Mean, standard deviation and the 95% t-interval of {@code values}, at least two of them. */
  static SeedStatistics.MetricSummary summarize(String metric, double[] values) {
    MeanInterval interval = MeanInterval.of(values);
    return new SeedStatistics.MetricSummary(metric, Arrays.stream(values).boxed().toList(),
        interval.mean(), interval.standardDeviation(), interval.lower95(), interval.upper95());
  }
}
