package org.archbench.reports;

import org.archbench.schema.jmh.CostFigures;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.JmhResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.eval.ModelCost;
import org.archbench.schema.imbalance.ImbalanceReport;
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
    if (run.jmh().isEmpty()) {
      section.missing("jmh/results.json (the benchmarks did not run)");
    }
    Table table = table(run);
    section.table(table);
    List<Charts.Point> latency = new ArrayList<>();
    List<Charts.Point> throughput = new ArrayList<>();
    for (List<Object> row : table.rows()) {
      // Only values that can be true become points; the report's problems name the others.
      if (!(table.value(row, "accuracy") instanceof Double accuracy)
          || !Plausibility.isShare(accuracy)) {
        continue;
      }
      String engine = (String) table.value(row, "engine");
      String arch = (String) table.value(row, "arch");
      if (table.value(row, "p50_us") instanceof Estimate p50 && Plausibility.isCost(p50.value())
          && p50.value() > 0) {
        latency.add(new Charts.Point(engine, arch, p50.value(), 100 * accuracy));
      }
      if (table.value(row, "b256_images_per_s") instanceof Estimate imagesPerSecond
          && Plausibility.isCost(imagesPerSecond.value()) && imagesPerSecond.value() > 0) {
        throughput.add(new Charts.Point(engine, arch, imagesPerSecond.value(), 100 * accuracy));
      }
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

  static Table table(RunResults run) {
    List<List<Object>> rows = new ArrayList<>();
    OptionalDouble peak = run.jmh().map(JmhResults::peakFlops).orElse(OptionalDouble.empty());
    for (String arch : run.archs()) {
      Optional<ModelCost> cost = Optional.ofNullable(run.evaluations().get(arch))
          .map(EvaluationReport::cost);
      for (String engine : run.engines()) {
        Optional<EngineEvaluation> measured = run.evaluation(arch, engine);
        Map<String, String> key = Map.of("engine", engine, "arch", arch);
        Optional<JmhResults.Record> latency =
            run.jmh().flatMap(j -> j.find("LatencyBenchmark.batch001", key));
        Optional<JmhResults.Record> throughput =
            run.jmh().flatMap(j -> j.find("ThroughputBenchmark.batch256", key));
        if (measured.isEmpty() && latency.isEmpty() && throughput.isEmpty()) {
          continue;
        }
        Double flops = throughput.map(r -> Values.of(r.secondary("flop"))).orElse(null);
        rows.add(java.util.Arrays.asList(arch, engine,
            measured.map(EngineEvaluation::accuracy).orElse(null),
            measured.map(EngineEvaluation::accuracyLower95).orElse(null),
            measured.map(EngineEvaluation::accuracyUpper95).orElse(null),
            measured.map(EngineEvaluation::macroF1).orElse(null),
            measured.map(EngineEvaluation::expectedCalibrationError).orElse(null),
            cost.map(ModelCost::parameters).orElse(null),
            cost.map(ModelCost::macs).orElse(null),
            cost.map(ModelCost::onnxBytes).filter(bytes -> bytes >= 0)
                .map(bytes -> bytes * (1.0 / (1 << 20))).orElse(null),
            CostFigures.percentile(latency, 0.5),
            CostFigures.percentile(latency, 0.99),
            CostFigures.mean(throughput),
            Values.scaled(flops, 1e-9),
            flops != null && peak.isPresent() ? flops / peak.getAsDouble() : null,
            CostFigures.memory(throughput, "native.peakRss"),
            Optional.ofNullable(run.robustness().get(arch))
                .map(RobustnessReport::meanCorruptionError).orElse(null),
            imbalanceMinimumRecall(run.imbalance().get(arch)),
            Optional.ofNullable(run.training().get(arch))
                .map(TrainingReport::totalTrainSeconds).orElse(null)));
      }
    }
    return new Table("leaderboard", "One row per architecture and engine", List.of(
        Table.Column.text("arch", "Architecture"),
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
        Table.Column.number("train_seconds", "Train s", "%.0f")), rows);
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
