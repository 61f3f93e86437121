package org.archbench.schema.stats;

import java.util.List;

/**
 * How much one architecture's test metrics vary with the training seed: mean, sample standard
 * deviation and the 95% Student t-interval of the mean, per metric.
 *
 * @param arch the architecture id
 * @param engine the engine that ran every seed's test images
 * @param seeds the seeds, in the order of every metric's values
 * @param metrics one summary per metric
 */
public record SeedStatistics(
    String arch, String engine, List<Long> seeds, List<MetricSummary> metrics) {

  /** An absent list or map reads as empty: a reader shows it as missing, never fails on it. */
  public SeedStatistics {
    seeds = seeds == null ? List.of() : List.copyOf(seeds);
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
  }


  /**
   * One metric over the seeds.
   *
   * @param metric e.g. {@code accuracy}
   * @param values one value per seed
   * @param mean their mean
   * @param standardDeviation their sample standard deviation (n - 1)
   * @param lower95 lower end of the 95% t-interval of the mean
   * @param upper95 upper end
   */
  public record MetricSummary(
      String metric, List<Double> values, double mean, double standardDeviation, double lower95,
      double upper95) {
    /** An absent list or map reads as empty: a reader shows it as missing, never fails on it. */
    public MetricSummary {
      values = values == null ? List.of() : List.copyOf(values);
    }
  }
}
