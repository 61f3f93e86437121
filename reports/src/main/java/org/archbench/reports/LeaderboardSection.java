package org.archbench.reports;

import java.util.ArrayList;
import org.archbench.schema.engine.NotSupported;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.eval.ModelCost;
import org.archbench.schema.eval.VariantComparison;
import org.archbench.schema.imbalance.ImbalanceReport;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.robustness.RobustnessReport;
import org.archbench.schema.training.TrainingReport;

/**
 * The leaderboard, one row per architecture x engine, and the accuracy-against-cost Pareto charts.
 */
final class LeaderboardSection {

  /** The imbalance setting the leaderboard quotes. */
  static final String IMBALANCE_SETTING = "exp-rho100-none";

  private LeaderboardSection() {}

  static Section build(RunResults run, Charts charts) {
    Section section = new Section("leaderboard", "Leaderboard: accuracy against cost");
    if (run.evaluations().isEmpty()) {
      section.missing("eval/*.json (archbench evaluate did not run)");
    }
    if (run.figures().isEmpty()) {
      section.missing("jmh/figures.json (the benchmarks did not run)");
    }
    List<Configuration> configurations = Configuration.of(run);
    section.table(table(run, configurations));
    Dominance dominance = new Dominance(run.statistics());
    List<Pareto.Standing> latency =
        Pareto.standings(configurations, Configuration::p50, true, dominance);
    List<Pareto.Standing> throughput =
        Pareto.standings(configurations, Configuration::imagesPerSecond256, false, dominance);
    if (!latency.isEmpty() || !throughput.isEmpty()) {
      section.note("Error bars are 95% intervals: accuracy's Wilson interval, the cost's over forks."
          + " A configuration is dominated only when another is better beyond the uncertainty on one"
          + " axis and not detectably worse on the other (accuracy: McNemar's test on the same test"
          + " images, else non-overlapping intervals; cost: the ratio's interval excludes 1). One that"
          + " only the point estimates beat is marked tied, not beaten.");
      section.table(standings(latency, throughput));
    }
    if (!latency.isEmpty()) {
      section.figure("Accuracy against batch-1 p50 latency", () ->
          charts.pareto("Accuracy against batch-1 p50 latency (lower left is worse, upper left best)",
              "p50 latency, microseconds (log)", "test accuracy, %", latency, true));
    }
    if (!throughput.isEmpty()) {
      section.figure("Accuracy against batch-256 throughput", () ->
          charts.pareto("Accuracy against batch-256 throughput (upper right is best)",
              "images/s at batch 256 (log)", "test accuracy, %", throughput, false));
    }
    return section;
  }

  /** Each charted configuration's standing on both charts. */
  private static Table standings(List<Pareto.Standing> latency, List<Pareto.Standing> throughput) {
    List<List<Object>> rows = new ArrayList<>();
    for (List<Pareto.Standing> chart : List.of(latency, throughput)) {
      String figure = chart == latency ? "b1 p50" : "b256 img/s";
      for (Pareto.Standing standing : chart) {
        rows.add(Arrays.asList(figure, standing.configuration().arch(),
            standing.configuration().variant(), standing.configuration().engine(),
            standing.status().label(),
            String.join(", ", standing.dominatedBy())));
      }
    }
    return new Table("pareto", "Where each configuration stands on the accuracy-against-cost charts",
        List.of(Table.Column.text("figure", "Against"), Table.Column.text("arch", "Architecture"),
            Table.Column.text("variant", "Variant"), Table.Column.text("engine", "Engine"),
            Table.Column.text("standing", "Standing"),
            Table.Column.text("dominated_by", "Dominated by")), rows);
  }

  private static final List<Table.Column> LEADERBOARD = List.of(
      Table.Column.text("arch", "Architecture"),
      Table.Column.text("variant", "Variant"),
      Table.Column.text("engine", "Engine"),
      Table.Column.percent("accuracy", "Test accuracy %"),
      Table.Column.percent("accuracy_lower95", "95% CI low"),
      Table.Column.percent("accuracy_upper95", "95% CI high"),
      Table.Column.number("macro_f1", "Macro-F1", "%.4f"),
      Table.Column.number("ece", "ECE", "%.4f"),
      Table.Column.number("parameters", "Params", "%,d"),
      Table.Column.number("macs", "MACs", "%,d"),
      Table.Column.number("onnx_mib", "ONNX MiB", "%.2f"),
      Table.Column.estimate("p50_us", "b1 p50 us", "%.1f"),
      Table.Column.estimate("p99_us", "b1 p99 us", "%.1f"),
      Table.Column.estimate("b256_images_per_s", "b256 img/s", "%,.0f"),
      Table.Column.number("gflops", "GFLOP/s", "%.2f"),
      Table.Column.percent("peak_share", "% of peak"),
      Table.Column.estimate("peak_rss_mib", "Peak RSS MiB", "%.0f"),
      Table.Column.number("mce", "mCE", "%.3f"),
      Table.Column.percent("rho100_min_recall", "rho=100 min recall %"),
      Table.Column.number("train_seconds", "Train s", "%.0f"));

  static Table table(RunResults run, List<Configuration> configurations) {
    List<List<Object>> rows = new ArrayList<>();
    OptionalDouble peak =
        run.figures().map(FigureEstimates::peakFlops).orElse(OptionalDouble.empty());
    for (Configuration configuration : configurations) {
      String arch = configuration.arch();
      Optional<EvaluationReport> evaluation = Optional.ofNullable(run.evaluations().get(arch));
      Optional<ModelCost> cost = evaluation.map(EvaluationReport::cost);
      Optional<EngineEvaluation> measured = Optional.ofNullable(configuration.accuracy());
      Double flops = configuration.flops();
      // The peak is the float units', and the long-tail study trained float32 models.
      boolean float32 = configuration.isFloat32();
      rows.add(Arrays.asList(arch, configuration.variant(), configuration.engine(),
          measured.map(EngineEvaluation::accuracy).orElse(null),
          measured.map(EngineEvaluation::accuracyLower95).orElse(null),
          measured.map(EngineEvaluation::accuracyUpper95).orElse(null),
          measured.map(EngineEvaluation::macroF1).orElse(null),
          measured.map(EngineEvaluation::expectedCalibrationError).orElse(null),
          cost.map(ModelCost::parameters).orElse(null),
          cost.map(ModelCost::macs).orElse(null),
          onnxBytes(configuration, evaluation).filter(bytes -> bytes >= 0)
              .map(bytes -> bytes * (1.0 / (1 << 20))).orElse(null),
          configuration.p50(),
          configuration.p99(),
          configuration.imagesPerSecond256(),
          Values.scaled(flops, 1e-9),
          flops != null && peak.isPresent() && float32 ? flops / peak.getAsDouble() : null,
          configuration.peakRss(),
          run.robustness(arch, configuration.variant())
              .map(RobustnessReport::meanCorruptionError).orElse(null),
          float32 ? imbalanceMinimumRecall(run.imbalance().get(arch)) : null,
          Optional.ofNullable(run.training().get(arch))
              .map(TrainingReport::totalTrainSeconds).orElse(null)));
    }
    // A pair an engine cannot run is a row that says so, never a missing one.
    for (NotSupported pair : run.notSupported()) {
      if (configurations.stream().noneMatch(c -> pair.concerns(c.arch(), c.engine())
          && c.variant().equals(pair.variant()))) {
        rows.add(Table.leadingRow(LEADERBOARD, pair.arch(), pair.variant(), pair.engine(),
            pair.cell()));
      }
    }
    return new Table("leaderboard", "One row per architecture, model variant and engine",
        LEADERBOARD, rows);
  }

  /** The ONNX file size of the configuration's variant: the float32 model's, or the derived one's. */
  private static Optional<Long> onnxBytes(
      Configuration configuration, Optional<EvaluationReport> evaluation) {
    if (configuration.isFloat32()) {
      return evaluation.map(EvaluationReport::cost).map(ModelCost::onnxBytes);
    }
    return evaluation.flatMap(e -> e.againstFloat32().stream()
        .filter(c -> c.variant().equals(configuration.variant())).findFirst())
        .map(VariantComparison::onnxBytes);
  }

  private static Double imbalanceMinimumRecall(ImbalanceReport imbalance) {
    if (imbalance == null) {
      return null;
    }
    return imbalance.runs().stream()
        .filter(setting -> IMBALANCE_SETTING.equals(setting.id()))
        .map(setting -> setting.test().minimumClassRecall())
        .findFirst().orElse(null);
  }
}
