package org.archbench.schema.stats;

import org.archbench.schema.provenance.MeasuredModel;
import org.archbench.schema.io.ResultFormat;
import java.util.List;

/**
 * stats.json: McNemar's test between every pair of architectures, Holm-corrected, and the
 * spread over training seeds.
 *
 * @param engine whose predictions were compared (the engines agree; see eval/&lt;arch&gt;.json)
 * @param alpha the family-wise error rate of the verdicts
 * @param pairs every pair's test
 * @param seeds per architecture, the spread of the test metrics over training seeds; empty unless
 *     the run trained several seeds (-Dbench.seeds)
 * @param createdAt ISO-8601 instant
 * @param models the model file of each architecture whose predictions were compared, as
 *     eval/&lt;arch&gt;.json recorded it; empty in results written before it was recorded
 */
@ResultFormat(file = "stats.json", minor = 1)
public record StatisticsReport(
    String engine,
    double alpha,
    List<SignificancePair> pairs,
    List<SeedStatistics> seeds,
    String createdAt,
    List<MeasuredModel> models) {
  /** An absent list or map reads as empty: a reader shows it as missing, never fails on it. */
  public StatisticsReport {
    pairs = pairs == null ? List.of() : List.copyOf(pairs);
    seeds = seeds == null ? List.of() : List.copyOf(seeds);
    models = models == null ? List.of() : List.copyOf(models);
  }
}
