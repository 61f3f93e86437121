package org.archbench.benchmarks;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;

/**
 * A question the report answers from the paired comparisons of a figure. Every pair of
 * configurations is compared and published, but after the pilot only the comparisons a question
 * asks for steer which configurations take the next blocks: a run has hundreds of pairs per
 * figure, most of which no table reads (the p99 of one architecture's slowest engine against
 * another's), and a block spent on them is a block the questions do not get.
 */
enum Question {

  /**
   * What each engine costs against the first engine measured (ONNX Runtime, in the registry's
   * order): float32 configurations of one architecture that differ only in their engine, one of
   * them the first engine's. The report's engine-against-engine ratios.
   */
  ENGINE_AGAINST_FIRST {
    @Override
    boolean asks(Comparison comparison, Context context) {
      Map<String, String> a = comparison.a();
      Map<String, String> b = comparison.b();
      String arch = a.get(BenchmarkParameters.ARCH);
      return arch != null && arch.equals(b.get(BenchmarkParameters.ARCH))
          && ModelVariantIds.FLOAT32.equals(a.get(BenchmarkParameters.VARIANT))
          && ModelVariantIds.FLOAT32.equals(b.get(BenchmarkParameters.VARIANT))
          && context.firstEngine().equals(a.get(BenchmarkParameters.ENGINE))
              != context.firstEngine().equals(b.get(BenchmarkParameters.ENGINE));
    }
  },

  /**
   * Which configuration is the cheapest of those that clear an accuracy target (the pick table):
   * two contenders, or a contender and another configuration of its architecture, a contender
   * being a configuration that no configuration of its own architecture is decided cheaper than.
   * Whatever the target (the benchmarks do not know the accuracies), the cheapest of the
   * configurations clearing it is a contender of its architecture, and its cell is decided once
   * it is told apart from every other configuration clearing the target. Against a contender of
   * another architecture that takes blocks; against one that a contender of that architecture is
   * cheaper than, it is told apart in the pilot but for the rare three-way near tie, so those
   * pairs do not keep their sides in the blocks.
   */
  CHEAPEST {
    @Override
    boolean asks(Comparison comparison, Context context) {
      boolean a = context.contenders().contains(comparison.a());
      boolean b = context.contenders().contains(comparison.b());
      return a && b || (a || b) && Objects.equals(comparison.a().get(BenchmarkParameters.ARCH),
          comparison.b().get(BenchmarkParameters.ARCH));
    }
  };

  /** Whether this question asks for {@code comparison}. */
  abstract boolean asks(Comparison comparison, Context context);

  /** The comparisons of one figure that any of {@code questions} asks for, in their order. */
  static List<Comparison> asked(Set<Question> questions, List<Comparison> comparisons,
      String firstEngine) {
    if (questions.isEmpty()) {
      return List.of();
    }
    Context context = new Context(firstEngine, contenders(comparisons));
    return comparisons.stream()
        .filter(comparison -> questions.stream().anyMatch(q -> q.asks(comparison, context)))
        .toList();
  }

  /**
   * The configurations that no configuration of the same architecture (or, without one, of the
   * same benchmark) is decided cheaper than, by the published verdicts.
   */
  static Set<Map<String, String>> contenders(List<Comparison> comparisons) {
    Set<Map<String, String>> beaten = new HashSet<>();
    for (Comparison comparison : comparisons) {
      if (!Objects.equals(comparison.a().get(BenchmarkParameters.ARCH),
          comparison.b().get(BenchmarkParameters.ARCH))) {
        continue;
      }
      if (comparison.verdict() == ComparisonVerdict.A_CHEAPER) {
        beaten.add(comparison.b());
      } else if (comparison.verdict() == ComparisonVerdict.B_CHEAPER) {
        beaten.add(comparison.a());
      }
    }
    Set<Map<String, String>> contenders = new LinkedHashSet<>();
    for (Comparison comparison : comparisons) {
      for (Map<String, String> side : List.of(comparison.a(), comparison.b())) {
        if (!beaten.contains(side)) {
          contenders.add(side);
        }
      }
    }
    return contenders;
  }

  /** What the questions read beside a comparison: the first engine and the contenders. */
  record Context(String firstEngine, Set<Map<String, String>> contenders) {}
}
