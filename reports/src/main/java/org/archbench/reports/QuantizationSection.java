package org.archbench.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.eval.VariantComparison;
import org.archbench.schema.jmh.ConfigurationParams;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureKind;
import org.archbench.schema.robustness.RobustnessReport;
import org.archbench.schema.stats.Ratio;

/**
 * Each derived model variant (int8) against its float32 model on the same engine: the accuracy it
 * gives up, with the paired interval and McNemar's test, and the speed it buys, as ratios over
 * the forks with their intervals.
 */
final class QuantizationSection {

  private static final List<Table.Column> COLUMNS = List.of(
      Table.Column.text("arch", "Architecture"),
      Table.Column.text("variant", "Variant"),
      Table.Column.text("engine", "Engine"),
      Table.Column.percent("float32_accuracy", "fp32 accuracy %"),
      Table.Column.percent("variant_accuracy", "Variant accuracy %"),
      Table.Column.percentDifference("drop", "Drop, points"),
      Table.Column.percentDifference("drop_lower95", "95% CI low"),
      Table.Column.percentDifference("drop_upper95", "95% CI high"),
      Table.Column.pValue("mcnemar_p", "McNemar p"),
      Table.Column.percent("agreement", "Same prediction %"),
      Table.Column.number("float32_mce", "fp32 mCE", "%.3f"),
      Table.Column.number("variant_mce", "Variant mCE", "%.3f"),
      Table.Column.number("size_ratio", "ONNX size vs fp32", "%.2f"),
      Table.Column.ratio("b256_speedup", "b256 speed-up"),
      Table.Column.ratio("p50_speedup", "b1 p50 speed-up"));

  private QuantizationSection() {}

  static Section build(RunResults run) {
    Section section = new Section("quantization", "Int8 against float32");
    List<List<Object>> rows = new ArrayList<>();
    for (String arch : run.archs()) {
      EvaluationReport evaluation = run.evaluations().get(arch);
      if (evaluation == null) {
        continue;
      }
      for (VariantComparison comparison : evaluation.againstFloat32()) {
        rows.add(row(run, evaluation, comparison));
      }
    }
    if (rows.isEmpty()) {
      section.missing("the int8 models' evaluation (eval/*.json has no int8 entries: export and"
          + " evaluate with the int8 variant)");
      return section;
    }
    section.note("Drop: float32 accuracy minus the variant's on the same test images, with"
        + " Newcombe's interval for paired proportions; McNemar's test counts the images only one"
        + " of the two gets right. Speed-ups are the variant's throughput over float32's (latency:"
        + " float32's over the variant's), geometric means over the forks with Welch's 95%"
        + " interval; above 1 the variant is faster. mCE: each model's corruption error against"
        + " the same float32 reference, from the robustness study; the variant's above float32's"
        + " means it errs more under corruption (the robustness section's relative mCE takes the"
        + " clean error out).");
    section.table(new Table("quantization",
        "What each int8 model gives up in accuracy, and what it buys in speed", COLUMNS, rows));
    return section;
  }

  private static List<Object> row(
      RunResults run, EvaluationReport evaluation, VariantComparison comparison) {
    String engine = comparison.engine();
    String variant = comparison.variant();
    String arch = evaluation.arch();
    return Arrays.asList(arch, variant, engine,
        evaluation.engine(engine, ModelVariantIds.FLOAT32).map(EngineEvaluation::accuracy)
            .orElse(null),
        evaluation.engine(engine, variant).map(EngineEvaluation::accuracy).orElse(null),
        comparison.accuracyDrop(), comparison.dropLower95(), comparison.dropUpper95(),
        comparison.mcnemarPValue(), comparison.agreement(),
        mce(run, arch, ModelVariantIds.FLOAT32), mce(run, arch, variant),
        comparison.float32OnnxBytes() > 0
            ? (double) comparison.onnxBytes() / comparison.float32OnnxBytes() : null,
        speedUp(b256(run, ConfigurationParams.of(engine, arch, variant)),
            b256(run, ConfigurationParams.float32(engine, arch))),
        speedUp(p50(run, ConfigurationParams.float32(engine, arch)),
            p50(run, ConfigurationParams.of(engine, arch, variant))));
  }

  private static Double mce(RunResults run, String arch, String variant) {
    return run.robustness(arch, variant).map(RobustnessReport::meanCorruptionError).orElse(null);
  }

  private static Estimate b256(RunResults run, Map<String, String> key) {
    return run.cost(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.MEAN);
  }

  private static Estimate p50(RunResults run, Map<String, String> key) {
    return run.cost(CostMeasure.BATCH_ONE_LATENCY, key, FigureKind.P50);
  }

  /** {@code numerator} over {@code denominator}, a ratio of the forks; null if one is unmeasured. */
  private static Ratio speedUp(Estimate numerator, Estimate denominator) {
    return numerator == null || denominator == null
        ? null : Ratio.of(numerator.forkValues(), denominator.forkValues());
  }
}
