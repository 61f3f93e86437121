package org.archbench.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.archbench.benchmarks.paired.BlockAllocation;
import org.archbench.benchmarks.paired.BlockEstimate;
import org.archbench.benchmarks.paired.PairedComparisons;
import org.archbench.benchmarks.paired.PairedVerdict;
import org.archbench.harness.engine.Engines;
import org.archbench.schema.jmh.Comparison;
import org.archbench.benchmarks.jmh.CostFigures;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.FigureKind;
import org.archbench.benchmarks.jmh.JmhResults;
import org.archbench.schema.jmh.Precision;
import org.archbench.schema.jmh.Verdict;

/**
 * The steady-state figures and comparisons of the blocks ({@link BlockSeries}): each
 * configuration's figures as {@link BlockEstimate}s over its blocks, and the paired comparisons
 * of the figures a configuration is chosen by, every pair of configurations of a benchmark, each
 * with its verdict at {@link #MARGIN}. Which figure of which benchmark is compared, which way is
 * cheaper, and which {@link Question}s ask for its comparisons, is decided here once.
 */
final class BlockFigures {

  /** Two configurations within 5% of each other are equivalent for a user choosing between them. */
  static final double MARGIN = 0.05;

  private static final Precision PRECISION = Precision.DEFAULT;

  /**
   * A compared figure: its name, whether lower is cheaper, and the report's questions that ask for
   * its comparisons (which steer the blocks after the pilot).
   */
  private record Compared(String figure, boolean lowerIsBetter, Set<Question> asked) {}

  /** Per benchmark method (as JMH names it, Class.method), the figures compared. */
  private static final Map<String, List<Compared>> COMPARED = Map.of(
      "LatencyBenchmark.batch001", List.of(
          new Compared("p50", true, Set.of(Question.ENGINE_AGAINST_FIRST)),
          new Compared("p99", true, Set.of(Question.CHEAPEST)),
          new Compared("mean", true, Set.of())),
      "ThroughputBenchmark.batch032", List.of(
          new Compared("mean", false, Set.of(Question.ENGINE_AGAINST_FIRST))),
      "ThroughputBenchmark.batch256", List.of(
          new Compared("mean", false, Set.of(Question.ENGINE_AGAINST_FIRST, Question.CHEAPEST)),
          new Compared("native.peakRss", true, Set.of(Question.CHEAPEST))),
      "PeakGemmBenchmark.matmul", List.of(
          new Compared("mean", false, Set.of(Question.CHEAPEST))));

  private final BlockSeries series;

  BlockFigures(BlockSeries series) {
    this.series = series;
  }

  /** Every figure of every configuration of every benchmark, in the blocks' order. */
  List<FigureEstimates.Figure> figures() {
    List<FigureEstimates.Figure> figures = new ArrayList<>();
    for (String benchmark : series.benchmarks()) {
      for (Map<String, String> params : series.configurations(benchmark)) {
        boolean steady = Arrays.stream(series.values(benchmark, params, TurnValues.WARMUP_STEADY))
            .noneMatch(value -> value == 0);
        for (String figure : series.figures(benchmark, params)) {
          if (figure.equals(TurnValues.WARMUP_STEADY)) {
            continue;
          }
          double[] values = series.values(benchmark, params, figure);
          Estimate estimate = allocatedNothing(figure, values)
              ? CostFigures.noHeap(present(values), series.samples(benchmark, params))
              : BlockEstimate.of(values, series.samples(benchmark, params),
                  minimumSamples(figure), target(figure));
          figures.add(new FigureEstimates.Figure(shortName(benchmark), params, figure,
              unit(benchmark, figure),
              steady ? estimate : estimate.withVerdict(Verdict.NOT_STEADY)));
        }
        if (CostMeasure.of(benchmark).equals(Optional.of(CostMeasure.BATCH_ONE_LATENCY))) {
          Estimate rate = rate(benchmark, params);
          figures.add(new FigureEstimates.Figure(shortName(benchmark), params,
              FigureKind.RATE.id(), "images/s",
              steady ? rate : rate.withVerdict(Verdict.NOT_STEADY)));
        }
        if (!shortName(benchmark).equals(GEMM)) {
          figures.add(anchored(benchmark, params));
        }
      }
    }
    return figures;
  }

  /**
   * Whether {@code values} are a heap figure of 0 in every block: JMH leaves the figure out where a
   * benchmark allocated nothing ({@link TurnValues} reads it as 0), and a figure on logs cannot
   * hold a 0.
   */
  private static boolean allocatedNothing(String figure, double[] values) {
    return figure.equals(FigureKind.HEAP_PER_OPERATION.id()) && present(values) > 0
        && Arrays.stream(values).filter(Double::isFinite).allMatch(value -> value == 0);
  }

  /** How many blocks {@code values} has a value of. */
  private static int present(double[] values) {
    return (int) Arrays.stream(values).filter(Double::isFinite).count();
  }

  /**
   * The figure {@code rate} of a timed benchmark of one image per call, in images/s: each block's
   * reciprocal of its mean time per call, so that the block stays the unit of the interval.
   */
  private Estimate rate(String benchmark, Map<String, String> params) {
    double secondsPerUnit = JmhResults.Record.secondsPerUnit(benchmark, series.unit(benchmark));
    double[] rates = Arrays.stream(series.values(benchmark, params, FigureKind.MEAN.id()))
        .map(perCall -> 1 / (perCall * secondsPerUnit)).toArray();
    return BlockEstimate.of(rates, series.samples(benchmark, params), 0, PRECISION.mean());
  }

  /** The benchmark the anchor runs, which has no anchored figure of its own. */
  private static final String GEMM = "PeakGemmBenchmark.matmul";

  /**
   * The figure {@code anchored}: {@code params}' mean in machine-relative units, block by block
   * against the anchor's GFLOP/s in the same block. A rate over the anchor's (images/s over
   * GFLOP/s: images per GFLOP of the anchor's work), a time times it (us x GFLOP/s: kFLOP of the
   * anchor's work per request). Two machines, or one machine's slow and fast minutes, that differ
   * only in speed give the same anchored figure: what is left is how the configuration fares
   * against a plain GEMM, which is what runs on other machines compare.
   */
  private FigureEstimates.Figure anchored(String benchmark, Map<String, String> params) {
    double[] means = series.values(benchmark, params, "mean");
    double[] anchor = series.anchor(benchmark);
    boolean time = series.unit(benchmark).endsWith("/op");
    double[] anchored = new double[means.length];
    for (int i = 0; i < means.length; i++) {
      anchored[i] = time ? means[i] * anchor[i] : means[i] / anchor[i];
    }
    return new FigureEstimates.Figure(shortName(benchmark), params, "anchored",
        time ? "anchor kFLOP/op" : "per anchor GFLOP",
        BlockEstimate.of(anchored, series.samples(benchmark, params), 0, PRECISION.mean()));
  }

  /** Every comparison of every benchmark. */
  List<Comparison> comparisons() {
    List<Comparison> comparisons = new ArrayList<>();
    series.benchmarks().forEach(benchmark -> comparisons.addAll(comparisons(benchmark)));
    return comparisons;
  }

  /** Every pair of {@code benchmark}'s configurations on each of its compared figures. */
  List<Comparison> comparisons(String benchmark) {
    List<Comparison> comparisons = new ArrayList<>();
    for (Compared compared : COMPARED.getOrDefault(shortName(benchmark), List.of())) {
      comparisons.addAll(comparisons(benchmark, compared));
    }
    return comparisons;
  }

  private List<Comparison> comparisons(String benchmark, Compared compared) {
    LinkedHashMap<Map<String, String>, double[]> values = new LinkedHashMap<>();
    for (Map<String, String> params : series.configurations(benchmark)) {
      values.put(params, series.values(benchmark, params, compared.figure()));
    }
    return PairedComparisons.of(shortName(benchmark), compared.figure(),
        unit(benchmark, compared.figure()), compared.lowerIsBetter(), values, MARGIN);
  }

  /** The comparisons of {@code benchmark} that one of the report's questions asks for. */
  List<Comparison> asked(String benchmark) {
    String firstEngine = firstEngine(benchmark);
    List<Comparison> asked = new ArrayList<>();
    for (Compared compared : COMPARED.getOrDefault(shortName(benchmark), List.of())) {
      asked.addAll(Question.asked(compared.asked(), comparisons(benchmark, compared),
          firstEngine));
    }
    return asked;
  }

  /**
   * The engine the report compares the others with: the first registered engine that measured
   * {@code benchmark}, as the report takes the first of the run's engines (the blocks' own order
   * is shuffled). Engines outside the registry come after it, in the blocks' order.
   */
  private String firstEngine(String benchmark) {
    Set<String> measured = new LinkedHashSet<>();
    series.configurations(benchmark).forEach(params -> {
      if (params.get(BenchmarkParameters.ENGINE) != null) {
        measured.add(params.get(BenchmarkParameters.ENGINE));
      }
    });
    List<String> order = new ArrayList<>(Engines.ids());
    order.addAll(measured);
    return order.stream().filter(measured::contains).findFirst().orElse("");
  }

  /**
   * The configurations of {@code benchmark} that a comparison a question asks for and not yet
   * decided needs, and that {@code blocksLeft} more blocks could decide at the spread seen so far;
   * where none could, those that any affordable number of blocks could.
   */
  Set<Map<String, String>> stillOpen(String benchmark, int blocksLeft) {
    List<Comparison> asked = asked(benchmark);
    Set<Map<String, String>> inReach = BlockAllocation.needingBlocks(asked, blocksLeft);
    // With nothing in reach, the budget left goes to the asked comparisons still open whatever
    // they need: the blocks needed are read off a spread seen over a few blocks (after the pilot,
    // a trimmed spread on 3 degrees of freedom), and idle budget decides nothing.
    return inReach.isEmpty()
        ? BlockAllocation.needingBlocks(asked, PairedVerdict.MOST_BLOCKS) : inReach;
  }

  private String unit(String benchmark, String figure) {
    return switch (figure) {
      case "native.peakRss", "native.rssAnon" -> "MiB";
      case "gc.alloc.rate.norm" -> "B/op";
      case "flop" -> "FLOP/s";
      default -> series.unit(benchmark);
    };
  }

  private static long minimumSamples(String figure) {
    String key = TurnValues.PERCENTILES.get(figure);
    return key == null ? 0 : Estimate.minimumSamples(Double.parseDouble(key) / 100);
  }

  private static double target(String figure) {
    if (figure.startsWith("native.")) {
      return PRECISION.memory();
    }
    String key = TurnValues.PERCENTILES.get(figure);
    return key == null ? PRECISION.mean() : PRECISION.ofQuantile(Double.parseDouble(key) / 100);
  }

  /** {@code ThroughputBenchmark.batch256}, as JMH's results and figures.json name benchmarks. */
  static String shortName(String benchmark) {
    return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
  }
}
