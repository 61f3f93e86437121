package org.archbench.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.JmhResults;

/**
 * The paired comparisons of jmh/figures.json, looked up by configuration and figure and turned to
 * face the way the report asks: a comparison stored as b against a reads as a against b, its ratio
 * and intervals inverted and its cheaper side swapped. A run whose figures.json predates paired
 * comparisons, or has none, holds none here, and the report falls back to its unpaired statistics.
 */
final class PairedComparisons {

  /** None: the run measured no configurations in blocks, or predates it. */
  static final PairedComparisons NONE = new PairedComparisons(List.of());

  private final List<Comparison> comparisons;

  PairedComparisons(List<Comparison> comparisons) {
    this.comparisons = List.copyOf(comparisons);
  }

  /** The comparisons of {@code run}'s jmh/figures.json. */
  static PairedComparisons of(RunResults run) {
    return new PairedComparisons(
        run.figures().map(FigureEstimates::comparisons).orElse(List.of()));
  }

  /** Whether there is none at all: an older run, whose report keeps its unpaired statistics. */
  boolean none() {
    return comparisons.isEmpty();
  }

  /** Every comparison the run holds. */
  List<Comparison> all() {
    return comparisons;
  }

  /** Whether any comparison is of {@code figure} of {@code benchmark} ({@code Class.method}). */
  boolean covers(String benchmark, String figure) {
    return comparisons.stream().anyMatch(c -> sameFigure(c, benchmark, figure));
  }

  /**
   * {@code first} against {@code second} on {@code figure} of {@code benchmark}, facing that way,
   * if the run compared them.
   */
  Optional<Comparison> find(String benchmark, String figure, Configuration first,
      Configuration second) {
    return find(benchmark, figure, key(first), key(second));
  }

  /**
   * The configuration of parameters {@code first} against that of {@code second}, facing that way,
   * if the run compared them.
   */
  Optional<Comparison> find(String benchmark, String figure, Map<String, String> first,
      Map<String, String> second) {
    Map<String, String> a = key(first);
    Map<String, String> b = key(second);
    return comparisons.stream()
        .filter(c -> sameFigure(c, benchmark, figure))
        .filter(c -> key(c.a()).equals(a) && key(c.b()).equals(b)
            || key(c.a()).equals(b) && key(c.b()).equals(a))
        .findFirst()
        .map(c -> key(c.a()).equals(a) ? c : turned(c));
  }

  /**
   * The verdict of {@code first} against {@code second}, facing that way: undecided where the run
   * did not compare them, since nothing then tells them apart.
   */
  ComparisonVerdict verdict(String benchmark, String figure, Configuration first,
      Configuration second) {
    return find(benchmark, figure, first, second).map(Comparison::verdict)
        .orElse(ComparisonVerdict.UNDECIDED);
  }

  /** The equivalence margin as the page writes it, {@code 5%}; the widest where they differ. */
  String margin() {
    return margin(comparisons.stream().mapToDouble(Comparison::margin).max().orElse(0.05));
  }

  /** {@code margin} (0.05) as the page writes it: {@code 5%}. */
  static String margin(double margin) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * margin);
  }

  /**
   * The results name a benchmark {@code Class.method}; the comparisons may name it with its
   * package too.
   */
  private static boolean sameFigure(Comparison comparison, String benchmark, String figure) {
    String stored = comparison.benchmark();
    return comparison.figure().equals(figure)
        && (stored.equals(benchmark) || stored.endsWith("." + benchmark));
  }

  /** The configuration's parameters as the results key it; a model without a variant is float32. */
  private static Map<String, String> key(Configuration configuration) {
    return JmhResults.key(configuration.engine(), configuration.arch(), configuration.variant());
  }

  private static Map<String, String> key(Map<String, String> params) {
    return JmhResults.key(params.getOrDefault("engine", ""), params.getOrDefault("arch", ""),
        params.getOrDefault(JmhResults.VARIANT, ModelVariantIds.FLOAT32));
  }

  /** {@code comparison} read the other way round: b against a. */
  static Comparison turned(Comparison comparison) {
    ComparisonVerdict verdict = switch (comparison.verdict()) {
      case A_CHEAPER -> ComparisonVerdict.B_CHEAPER;
      case B_CHEAPER -> ComparisonVerdict.A_CHEAPER;
      case EQUIVALENT, UNDECIDED -> comparison.verdict();
    };
    return new Comparison(comparison.benchmark(), comparison.figure(), comparison.unit(),
        comparison.lowerIsBetter(), comparison.b(), comparison.a(), 1 / comparison.ratio(),
        1 / comparison.upper90(), 1 / comparison.lower90(), 1 / comparison.upper95(),
        1 / comparison.lower95(), comparison.blocks(), comparison.margin(), verdict,
        comparison.blocksNeeded());
  }
}
