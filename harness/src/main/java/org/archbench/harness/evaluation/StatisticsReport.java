package org.archbench.harness.evaluation;

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
 */
public record StatisticsReport(
    String engine,
    double alpha,
    List<PairwiseSignificance.Pair> pairs,
    List<SeedStatistics> seeds,
    String createdAt) {}
