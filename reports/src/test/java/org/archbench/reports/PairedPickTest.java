package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;
import org.archbench.schema.jmh.Estimate;
import org.junit.jupiter.api.Test;

/**
 * The pick table read off paired comparisons, on constructed cases whose right answer is known: a
 * winner cheaper than all, a cell decided by equivalence, a competitor the blocks have not told
 * apart, and an older run without comparisons, which keeps the unpaired reading.
 */
class PairedPickTest {

  private static final String LATENCY = "org.archbench.benchmarks.LatencyBenchmark.batch001";

  /** Five tight forks about {@code value}. */
  private static Estimate figure(double value) {
    return Estimate.of(new double[] {value * 0.99, value * 0.995, value, value * 1.005,
        value * 1.01}, 5_000, 0, 0.03);
  }

  /** A configuration every target clears, of batch-1 p50 and p99 {@code latency} us. */
  private static Configuration configuration(String arch, String engine, double latency) {
    EngineEvaluation accuracy = new EngineEvaluation(engine, "fp32", "1", null, 10_000, 0.9, 0.89,
        0.91, 0, 0, 0, 0, null, null, null, null, null, null);
    return new Configuration(arch, engine, "fp32", accuracy, figure(latency), figure(latency),
        null, null, null);
  }

  /** {@code a} against {@code b} on the batch-1 p99, as the benchmark stage writes it. */
  static Comparison p99(Configuration a, Configuration b, double ratio, ComparisonVerdict verdict,
      Integer blocksNeeded) {
    return comparison(LATENCY, "p99", "us/op", true, params(a), params(b), ratio, verdict,
        blocksNeeded);
  }

  static Comparison comparison(String benchmark, String figure, String unit,
      boolean lowerIsBetter, Map<String, String> a, Map<String, String> b, double ratio,
      ComparisonVerdict verdict, Integer blocksNeeded) {
    return new Comparison(benchmark, figure, unit, lowerIsBetter, a, b, ratio, ratio * 0.97,
        ratio * 1.03, ratio * 0.96, ratio * 1.04, 12, 0.05, verdict, blocksNeeded);
  }

  static Map<String, String> params(Configuration configuration) {
    return Map.of("arch", configuration.arch(), "engine", configuration.engine(), "variant",
        configuration.variant());
  }

  private final Configuration fast = configuration("cnn", "ort", 100);
  private final Configuration twin = configuration("cnn", "tvm", 101);
  private final Configuration slow = configuration("mlp", "ort", 200);
  private final Configuration close = configuration("mlp", "torch", 98);
  private final List<Configuration> all = List.of(fast, twin, slow);

  private static Table picks(List<Configuration> configurations, Comparison... comparisons) {
    return PickTable.of(configurations, new PairedComparisons(List.of(comparisons)));
  }

  @Test
  void aWinnerCheaperThanEveryOtherDecidesTheCell() {
    Table table = picks(List.of(fast, slow), p99(fast, slow, 0.5, ComparisonVerdict.A_CHEAPER,
        null));
    List<Object> row = table.rows().get(0);

    assertEquals("cnn on ort", table.value(row, "p99_us_pick"));
    assertEquals(fast.p99(), table.value(row, "p99_us"));
    assertEquals("", table.value(row, "p99_us_equivalent"));
    assertEquals("", table.value(row, "p99_us_undecided"));
    assertEquals(PickTable.DECIDED, table.value(row, "p99_us_verdict"));
    assertEquals("Equivalent within 5%",
        table.columns().get(Table.index(table.columns(), "p99_us_equivalent")).label());
    assertFalse(table.columns().stream().anyMatch(c -> c.label().contains("Tied")),
        "with paired comparisons nothing reads as tied");
  }

  @Test
  void aWinnerEquivalentToThoseItIsNotCheaperThanDecidesTheCell() {
    Table table = picks(all,
        p99(fast, twin, 0.99, ComparisonVerdict.EQUIVALENT, null),
        p99(fast, slow, 0.5, ComparisonVerdict.A_CHEAPER, null),
        p99(twin, slow, 0.5, ComparisonVerdict.A_CHEAPER, null));
    List<Object> row = table.rows().get(0);

    assertEquals("cnn on ort", table.value(row, "p99_us_pick"),
        "of the two no one is cheaper than, the best estimate");
    assertEquals("cnn on tvm", table.value(row, "p99_us_equivalent"));
    assertEquals("", table.value(row, "p99_us_undecided"));
    assertEquals(PickTable.DECIDED, table.value(row, "p99_us_verdict"));
  }

  @Test
  void aCompetitorNotYetToldApartIsShownApartAndLeavesTheCellUndecided() {
    // close has the lowest point estimate, but the blocks have not told it from fast; fast, stored
    // as b, is cheaper than slow.
    List<Configuration> four = new ArrayList<>(all);
    four.add(close);
    Table table = picks(four,
        p99(fast, twin, 0.99, ComparisonVerdict.EQUIVALENT, null),
        p99(slow, fast, 2.0, ComparisonVerdict.B_CHEAPER, null),
        p99(twin, slow, 0.5, ComparisonVerdict.A_CHEAPER, null),
        p99(close, fast, 0.98, ComparisonVerdict.UNDECIDED, 40),
        p99(close, twin, 0.97, ComparisonVerdict.UNDECIDED, 60),
        p99(close, slow, 0.49, ComparisonVerdict.A_CHEAPER, null));
    List<Object> row = table.rows().get(0);

    assertEquals("mlp on torch", table.value(row, "p99_us_pick"),
        "no one is cheaper than it, and it has the best estimate");
    assertEquals("", table.value(row, "p99_us_equivalent"));
    assertEquals("cnn on ort (about 40 blocks would tell), cnn on tvm (about 60 blocks would"
        + " tell)", table.value(row, "p99_us_undecided"));
    assertEquals(PickTable.UNDECIDED, table.value(row, "p99_us_verdict"));

    String text = PickTable.text(table);
    assertTrue(text.contains("mlp on torch"), text);
    assertTrue(text.contains("[undecided]"), text);
    assertTrue(text.contains("not yet told apart: cnn on ort (about 40 blocks would tell)"), text);
    assertFalse(text.contains("tied"), text);
  }

  @Test
  void aPairTheRunDidNotCompareIsNotToldApart() {
    Table table = picks(all, p99(fast, slow, 0.5, ComparisonVerdict.A_CHEAPER, null),
        p99(twin, slow, 0.5, ComparisonVerdict.A_CHEAPER, null));
    List<Object> row = table.rows().get(0);

    assertEquals("cnn on ort", table.value(row, "p99_us_pick"));
    assertEquals("cnn on tvm", table.value(row, "p99_us_undecided"));
    assertEquals(PickTable.UNDECIDED, table.value(row, "p99_us_verdict"));
  }

  @Test
  void aFigureTheRunComparedNoneOnKeepsTheUnpairedReadingAndSaysSo() {
    Configuration rss = new Configuration("cnn", "ort", "fp32", fast.accuracy(), fast.p50(),
        fast.p99(), null, figure(300), null);
    Table table = picks(List.of(rss, slow), p99(rss, slow, 0.5, ComparisonVerdict.A_CHEAPER, null));
    List<Object> row = table.rows().get(0);

    assertEquals("cnn on ort", table.value(row, "peak_rss_mib_pick"));
    assertEquals(PickTable.UNPAIRED, table.value(row, "peak_rss_mib_verdict"));
  }

  @Test
  void anOlderRunWithoutComparisonsKeepsItsTies() {
    Table paired = PickTable.of(all, PairedComparisons.NONE);
    Table unpaired = PickTable.of(all);

    assertEquals(unpaired, paired);
    assertTrue(Table.index(paired.columns(), "p99_us_tied") > 0);
    assertEquals("cnn on tvm", paired.value(paired.rows().get(0), "p99_us_tied"),
        "the unpaired intervals of 100 and 101 overlap");
    assertFalse(PickTable.text(paired).contains("[decided]"));
  }

  @Test
  void theDecisivenessCountsComparisonsAndTheCellsTheyDecide() {
    PairedComparisons comparisons = new PairedComparisons(List.of(
        p99(fast, twin, 0.99, ComparisonVerdict.EQUIVALENT, null),
        p99(fast, slow, 0.5, ComparisonVerdict.A_CHEAPER, null),
        p99(twin, slow, 0.5, ComparisonVerdict.UNDECIDED, 30)));
    Table table = PickTable.of(all, comparisons);

    Decisiveness decisiveness = Decisiveness.of(comparisons, table, Optional.empty());

    assertEquals(new Decisiveness(3, 2, 1, "5%", 1, 1, 0, 0), decisiveness);
    assertEquals("Cost comparisons: 2 of 3 decided (1 equivalent within 5%, 1 undecided); pick"
        + " table: 1 of 1 cells decided; engine ratios: 0 of 0 decided.", decisiveness.text());
  }
}
