package org.archbench.reports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;
import org.archbench.schema.jmh.ConfigurationParams;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.FigureKind;

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

  /** Whether any comparison is of {@code figure} of {@code measure}. */
  boolean covers(CostMeasure measure, FigureKind figure) {
    return comparisons.stream().anyMatch(c -> sameFigure(c, measure, figure));
  }

  /**
   * {@code first} against {@code second} on {@code figure} of {@code measure}, facing that way,
   * if the run compared them.
   */
  Optional<Comparison> find(CostMeasure measure, FigureKind figure, Configuration first,
      Configuration second) {
    return find(measure, figure, key(first), key(second));
  }

  /**
   * The configuration of parameters {@code first} against that of {@code second}, facing that way,
   * if the run compared them.
   */
  Optional<Comparison> find(CostMeasure measure, FigureKind figure, Map<String, String> first,
      Map<String, String> second) {
    Map<String, String> a = key(first);
    Map<String, String> b = key(second);
    return comparisons.stream()
        .filter(c -> sameFigure(c, measure, figure))
        .filter(c -> key(c.a()).equals(a) && key(c.b()).equals(b)
            || key(c.a()).equals(b) && key(c.b()).equals(a))
        .findFirst()
        .map(c -> key(c.a()).equals(a) ? c : turned(c));
  }

  /**
   * The verdict of {@code first} against {@code second}, facing that way: undecided where the run
   * did not compare them, since nothing then tells them apart.
   */
  ComparisonVerdict verdict(CostMeasure measure, FigureKind figure, Configuration first,
      Configuration second) {
    return find(measure, figure, first, second).map(Comparison::verdict)
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

  /** Whether {@code comparison} is of {@code figure} of {@code measure}. */
  private static boolean sameFigure(Comparison comparison, CostMeasure measure,
      FigureKind figure) {
    return comparison.figure().equals(figure.id())
        && CostMeasure.of(comparison.benchmark()).equals(Optional.of(measure));
  }

  /** The configuration's parameters as the figures key it. */
  private static Map<String, String> key(Configuration configuration) {
    return ConfigurationParams.of(configuration.engine(), configuration.arch(),
        configuration.variant());
  }

  /** {@code params} as a configuration; a model without a variant is float32. */
  private static Map<String, String> key(Map<String, String> params) {
    return ConfigurationParams.configuration(params);
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
