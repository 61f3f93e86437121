package org.archbench.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.jmh.ConfigurationParams;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureKind;

/**
 * One model variant of an architecture on one engine, with the figures a user picks by: its test accuracy and the
 * cost figures the leaderboard, the Pareto charts and the pick table share. Null where a stage did
 * not run.
 *
 * @param arch the architecture
 * @param engine the engine
 * @param variant the model variant (fp32, int8)
 * @param accuracy its evaluation on the test set
 * @param p50 batch-1 median latency, microseconds
 * @param p99 batch-1 99th-percentile latency, microseconds
 * @param imagesPerSecond256 throughput at batch 256
 * @param peakRss the process's peak resident memory over the batch-256 benchmark, MiB
 * @param flops floating-point operations per second at batch 256
 */
record Configuration(String arch, String engine, String variant, EngineEvaluation accuracy,
    Estimate p50, Estimate p99, Estimate imagesPerSecond256, Estimate peakRss, Double flops) {

  /**
   * Every architecture x variant x engine of the run that was evaluated or measured, in the run's
   * order.
   */
  static List<Configuration> of(RunResults run) {
    List<Configuration> configurations = new ArrayList<>();
    for (String arch : run.archs()) {
      for (String variant : run.variants()) {
        for (String engine : run.engines()) {
          of(run, arch, engine, variant).ifPresent(configurations::add);
        }
      }
    }
    return configurations;
  }

  /** {@code variant} of {@code arch} on {@code engine}, if it was evaluated or measured. */
  static Optional<Configuration> of(RunResults run, String arch, String engine, String variant) {
    Map<String, String> key = ConfigurationParams.of(engine, arch, variant);
    Optional<EngineEvaluation> accuracy = run.evaluation(arch, engine, variant);
    if (accuracy.isEmpty() && !run.measured(CostMeasure.BATCH_ONE_LATENCY, key)
        && !run.measured(CostMeasure.BATCH_256_THROUGHPUT, key)) {
      return Optional.empty();
    }
    Estimate flops = run.cost(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.FLOP);
    return Optional.of(new Configuration(arch, engine, variant, accuracy.orElse(null),
        run.cost(CostMeasure.BATCH_ONE_LATENCY, key, FigureKind.P50),
        run.cost(CostMeasure.BATCH_ONE_LATENCY, key, FigureKind.P99),
        run.cost(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.MEAN),
        run.cost(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.PEAK_RSS),
        flops == null ? null : flops.value()));
  }

  /** {@code cnn on onnxruntime}, {@code cnn int8 on onnxruntime}. */
  String name() {
    return model() + " on " + engine;
  }

  /** {@code cnn} for the float32 model, {@code cnn int8} for another variant. */
  String model() {
    return ModelVariantIds.model(arch, variant);
  }

  /** Whether this is the float32 model, the one the significance tests between archs are of. */
  boolean isFloat32() {
    return variant.equals(ModelVariantIds.FLOAT32);
  }

  /** Whether its accuracy and both ends of its interval are shares that can be true. */
  boolean hasAccuracy() {
    return accuracy != null && Plausibility.isShare(accuracy.accuracy())
        && Plausibility.isShare(accuracy.accuracyLower95())
        && Plausibility.isShare(accuracy.accuracyUpper95());
  }
}
