package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.Verdict;
import org.archbench.schema.stats.McNemarMethod;
import org.archbench.schema.stats.SignificancePair;
import org.archbench.schema.stats.StatisticsReport;
import org.junit.jupiter.api.Test;

/**
 * Dominance, the Pareto standings and the pick table on constructed cases whose right answer is
 * known: a clear winner, a tie, and a winner on the point estimate that the noise does not let
 * count.
 */
class ParetoAndPicksTest {

  private static final Dominance NO_STATISTICS = new Dominance(Optional.empty());

  /** Five forks about {@code value}, spread by {@code spread} either side. */
  private static Estimate figure(double value, double spread) {
    return Estimate.of(new double[] {value - spread, value - spread / 2, value, value + spread / 2,
        value + spread}, 5_000, 0, 0.03);
  }

  private static EngineEvaluation accuracy(double value, double lower, double upper) {
    return new EngineEvaluation("e", "fp32", "1", null, 10_000, value, lower, upper, 0, 0, 0, 0, null, null,
        null, null, null, null);
  }

  /** A configuration of {@code accuracy} (±0.6 points), batch-1 p50 and p99 {@code latency}. */
  private static Configuration configuration(String arch, String engine, double accuracy,
      Estimate latency, Estimate throughput, Estimate rss) {
    return new Configuration(arch, engine, "fp32", accuracy(accuracy, accuracy - 0.006, accuracy + 0.006),
        latency, latency, throughput, rss, null);
  }

  @Test
  void aCostIsBetterOnlyWhenTheRatiosIntervalExcludesOne() {
    Estimate fast = figure(100, 2);
    Estimate slow = figure(200, 4);
    Estimate noisyFaster = figure(90, 80);

    assertEquals(Dominance.Comparison.BETTER, Dominance.cost(fast, slow, true));
    assertEquals(Dominance.Comparison.WORSE, Dominance.cost(fast, slow, false));
    assertEquals(Dominance.Comparison.TIED, Dominance.cost(figure(101, 2), fast, true));
    assertEquals(Dominance.Comparison.TIED, Dominance.cost(noisyFaster, fast, true),
        "a lower point estimate inside the noise is no win");
    Estimate oneFork = Estimate.of(new double[] {50}, 100, 0, 0.03);
    assertEquals(Dominance.Comparison.TIED, Dominance.cost(oneFork, slow, true),
        "one fork gives no interval, so nothing tells it apart");
  }

  @Test
  void accuracyIsComparedByMcNemarWhereTheStatsStageRanElseByIntervals() {
    Configuration mlp = configuration("mlp", "e", 0.885, figure(10, 0.1), null, null);
    Configuration cnn = configuration("cnn", "e", 0.905, figure(10, 0.1), null, null);
    Configuration close = configuration("resnet", "e", 0.889, figure(10, 0.1), null, null);

    assertEquals(Dominance.Comparison.BETTER, NO_STATISTICS.accuracy(cnn, mlp));
    assertEquals(Dominance.Comparison.WORSE, NO_STATISTICS.accuracy(mlp, cnn));
    assertEquals(Dominance.Comparison.TIED, NO_STATISTICS.accuracy(mlp, close),
        "overlapping intervals");

    // On the same images a paired test tells apart what the intervals cannot.
    SignificancePair significant = new SignificancePair("mlp", "resnet", 0.885, 0.889, 10, 50,
        10, 1e-6, McNemarMethod.EXACT_BINOMIAL, 1e-5, true);
    Dominance paired = new Dominance(Optional.of(
        new StatisticsReport("e", 0.05, List.of(significant), List.of(), "now", List.of())));
    assertEquals(Dominance.Comparison.BETTER, paired.accuracy(close, mlp));
    assertEquals(Dominance.Comparison.WORSE, paired.accuracy(mlp, close));
    assertEquals(Dominance.Comparison.BETTER, paired.accuracy(cnn, mlp),
        "pairs stats.json does not hold fall back to the intervals");
  }

  @Test
  void onlyBeatingBeyondTheUncertaintyDominatesAndAPointWinOnlyTies() {
    List<Configuration> configurations = List.of(
        configuration("mlp", "fast", 0.885, figure(100, 2), null, null),
        // The same model on a twice slower engine: dominated by the fast one.
        configuration("mlp", "slow", 0.885, figure(200, 4), null, null),
        // More accurate beyond the intervals, and slower: on the frontier.
        configuration("cnn", "fast", 0.910, figure(400, 8), null, null),
        // A little slower and a little less accurate than cnn, both within the noise: tied.
        configuration("secnn", "fast", 0.908, figure(405, 8), null, null));

    List<Pareto.Standing> standings =
        Pareto.standings(configurations, Configuration::p50, true, NO_STATISTICS);

    assertEquals(List.of(Pareto.Status.FRONTIER, Pareto.Status.DOMINATED, Pareto.Status.FRONTIER,
        Pareto.Status.TIED), standings.stream().map(Pareto.Standing::status).toList());
    assertEquals(List.of("mlp on fast"), standings.get(1).dominatedBy());
    assertTrue(standings.get(3).dominatedBy().isEmpty());
  }

  @Test
  void theChartMarksTiedPointsAndStarsFiguresThatAreNotOk() {
    List<Configuration> configurations = List.of(
        configuration("cnn", "fast", 0.910, figure(400, 8), null, null),
        configuration("secnn", "fast", 0.908, figure(405, 8), null, null),
        configuration("mlp", "fast", 0.885, figure(100, 60), null, null));

    String svg = new Charts().pareto("t", "x", "y",
        Pareto.standings(configurations, Configuration::p50, true, NO_STATISTICS), true);

    assertTrue(svg.contains(">secnn (tied)<"), "tied, not beaten");
    assertTrue(svg.contains(">mlp*<"), "a noisy cost figure is starred");
    assertTrue(svg.contains(">cnn<"));
  }

  @Test
  void thePickTableGivesTheCheapestThatClearsEachTargetAndItsTies() {
    List<Configuration> configurations = List.of(
        configuration("mlp", "ort", 0.885, figure(100, 2), figure(50_000, 500), figure(300, 3)),
        configuration("mlp", "torch", 0.885, figure(101, 2), figure(20_000, 200), figure(500, 5)),
        configuration("cnn", "ort", 0.910, figure(400, 8), figure(9_000, 90), figure(320, 3)),
        // Faster than cnn on ort by its point estimate, but so noisy that it only ties.
        configuration("cnn", "torch", 0.910, figure(390, 380), figure(4_000, 40), figure(600, 6)));

    Table picks = PickTable.of(configurations);

    assertEquals(2, picks.rows().size(), "one target per distinct lower bound");
    List<Object> strict = picks.rows().get(0);
    assertEquals(0.904, (Double) picks.value(strict, "accuracy_at_least"), 1e-12);
    assertEquals(2, picks.value(strict, "clearing"));
    assertEquals("cnn on torch", picks.value(strict, "p99_us_pick"));
    assertEquals("cnn on ort", picks.value(strict, "p99_us_tied"), "the noisy win ties");
    assertEquals("cnn on ort", picks.value(strict, "b256_images_per_s_pick"));
    assertEquals("", picks.value(strict, "b256_images_per_s_tied"));
    assertEquals("cnn on ort", picks.value(strict, "peak_rss_mib_pick"));

    List<Object> loose = picks.rows().get(1);
    assertEquals(4, picks.value(loose, "clearing"));
    assertEquals("mlp on ort", picks.value(loose, "p99_us_pick"));
    assertEquals("mlp on torch, cnn on torch", picks.value(loose, "p99_us_tied"),
        "a figure that noisy ties with everything it overlaps");
    assertEquals("mlp on ort", picks.value(loose, "b256_images_per_s_pick"));
    assertEquals(Verdict.OK,
        ((Estimate) picks.value(loose, "b256_images_per_s")).verdict());
  }

  @Test
  void theConsolePrintsOneBlockPerTargetWithEachFigureAndItsVerdict() throws IOException {
    String text = PickTable.text(PickTable.of(Fixtures.run()));

    assertTrue(text.startsWith("Which should I pick?"), text);
    assertTrue(text.contains("accuracy >= "), text);
    assertTrue(text.contains("lowest b1 p99 us:"), text);
    assertTrue(text.contains("highest b256 img/s:"), text);
    assertEquals("Which should I pick? (accuracy: the lower end of its 95% interval; ± the cost's"
        + " 95% interval)\n  nothing to pick from: no configuration was evaluated\n",
        PickTable.text(PickTable.of(List.of())));
  }
}
