package org.archbench.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.archbench.schema.eval.Convergence;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.eval.ModelCost;
import org.archbench.schema.imbalance.ImbalanceReport;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.robustness.RobustnessReport;

/**
 * Two architectures head to head, every measure side by side with which side wins: accuracy (by
 * {@link Dominance}: McNemar where stats.json holds the pair), convergence, robustness, the
 * long-tail drop, size, and on every engine latency, throughput and memory (by the ratio's
 * interval). A measure from one training or one evaluation (convergence, mCE, the drop) has no
 * interval, and says so beside its winner.
 */
final class HeadToHeadSection {

  /** The pairs the report shows unless asked for others: the questions archbench grew out of. */
  static final List<Pair> DEFAULT_PAIRS =
      List.of(new Pair("secnn", "cnn"), new Pair("mlp", "cnn"), new Pair("cnn", "vgg"));

  /** What a line reads when the measures cannot tell the two apart. */
  static final String NO_DIFFERENCE = "no detectable difference";

  /**
   * Two architectures.
   *
   * @param left shown first
   * @param right shown second
   */
  record Pair(String left, String right) {

    /**
     * {@code cnn:secnn}.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    static Pair parse(String text) {
      String[] sides = text.trim().split(":", -1);
      if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()
          || sides[0].trim().equals(sides[1].trim())) {
        throw new IllegalArgumentException("expected a pair of two architectures as LEFT:RIGHT,"
            + " e.g. cnn:secnn, found '" + text + "'");
      }
      return new Pair(sides[0].trim(), sides[1].trim());
    }

    String id() {
      return left + "-" + right;
    }
  }

  private HeadToHeadSection() {}

  static Section build(RunResults run, List<Pair> pairs) {
    Section section = new Section("head-to-head", "Head to head");
    section.note("Each line names the side that is better beyond the uncertainty, or reads \""
        + NO_DIFFERENCE + "\": accuracy by McNemar's test on the same test images (else"
        + " non-overlapping 95% intervals), costs by the ratio of the forks' geometric means with"
        + " its 95% interval. Convergence, mCE and the long-tail drop come from one training each:"
        + " their winner is marked \"one run, no interval\".");
    List<Configuration> configurations = Configuration.of(run);
    Dominance dominance = new Dominance(run.statistics());
    for (Pair pair : pairs) {
      List<String> absent = Arrays.asList(pair.left(), pair.right()).stream()
          .filter(arch -> !run.archs().contains(arch)).toList();
      if (!absent.isEmpty()) {
        section.missing(pair.left() + " against " + pair.right() + ": no results of "
            + String.join(" or ", absent) + " in this run");
        continue;
      }
      section.table(table(run, pair, configurations, dominance));
    }
    return section;
  }

  private static Table table(RunResults run, Pair pair, List<Configuration> configurations,
      Dominance dominance) {
    List<List<Object>> rows = new ArrayList<>();
    for (String engine : run.engines()) {
      Optional<Configuration> left = find(configurations, pair.left(), engine);
      Optional<Configuration> right = find(configurations, pair.right(), engine);
      if (left.isPresent() && right.isPresent() && left.get().hasAccuracy()
          && right.get().hasAccuracy()) {
        rows.add(Arrays.asList("test accuracy, " + engine, accuracy(left.get()),
            accuracy(right.get()), winner(pair, dominance.accuracy(left.get(), right.get()))));
        break;  // The engines agree on the predictions: one engine's accuracy is the model's.
      }
    }
    Optional<EvaluationReport> leftEval = Optional.ofNullable(run.evaluations().get(pair.left()));
    Optional<EvaluationReport> rightEval = Optional.ofNullable(run.evaluations().get(pair.right()));
    single(rows, pair, "epochs to 90% validation accuracy",
        leftEval.map(EvaluationReport::convergence).map(Convergence::epochsTo90),
        rightEval.map(EvaluationReport::convergence).map(Convergence::epochsTo90), "%.0f",
        leftEval.isPresent() && rightEval.isPresent());
    single(rows, pair, "seconds to 90% validation accuracy",
        leftEval.map(EvaluationReport::convergence).map(Convergence::secondsTo90),
        rightEval.map(EvaluationReport::convergence).map(Convergence::secondsTo90), "%.0f",
        leftEval.isPresent() && rightEval.isPresent());
    single(rows, pair, "mCE (lower is more robust)",
        Optional.ofNullable(run.robustness().get(pair.left()))
            .map(RobustnessReport::meanCorruptionError),
        Optional.ofNullable(run.robustness().get(pair.right()))
            .map(RobustnessReport::meanCorruptionError), "%.3f", false);
    single(rows, pair, "accuracy drop at rho=100, points",
        rho100Drop(run.imbalance().get(pair.left())), rho100Drop(run.imbalance().get(pair.right())),
        "%.2f", false);
    exact(rows, pair, "parameters", leftEval.map(EvaluationReport::cost)
        .map(ModelCost::parameters), rightEval.map(EvaluationReport::cost)
        .map(ModelCost::parameters));
    exact(rows, pair, "MACs per image", leftEval.map(EvaluationReport::cost)
        .map(ModelCost::macs), rightEval.map(EvaluationReport::cost).map(ModelCost::macs));
    for (String engine : run.engines()) {
      Optional<Configuration> left = find(configurations, pair.left(), engine);
      Optional<Configuration> right = find(configurations, pair.right(), engine);
      cost(rows, pair, "b1 p50 us, " + engine, left, right, Configuration::p50, "%,.1f", true);
      cost(rows, pair, "b1 p99 us, " + engine, left, right, Configuration::p99, "%,.1f", true);
      cost(rows, pair, "b256 img/s, " + engine, left, right, Configuration::imagesPerSecond256,
          "%,.0f", false);
      cost(rows, pair, "peak RSS MiB, " + engine, left, right, Configuration::peakRss, "%,.0f",
          true);
    }
    return new Table("head-to-head-" + pair.id(), pair.left() + " against " + pair.right(),
        List.of(Table.Column.text("measure", "Measure"), Table.Column.text("left", pair.left()),
            Table.Column.text("right", pair.right()), Table.Column.text("verdict", "Better")),
        rows);
  }

  private static Optional<Configuration> find(List<Configuration> configurations, String arch,
      String engine) {
    return configurations.stream()
        .filter(c -> c.arch().equals(arch) && c.engine().equals(engine)).findFirst();
  }

  private static String accuracy(Configuration configuration) {
    return String.format(Locale.ROOT, "%.2f%% [%.2f, %.2f]",
        100 * configuration.accuracy().accuracy(), 100 * configuration.accuracy().accuracyLower95(),
        100 * configuration.accuracy().accuracyUpper95());
  }

  private static String winner(Pair pair, Dominance.Comparison leftAgainstRight) {
    return switch (leftAgainstRight) {
      case BETTER -> pair.left();
      case WORSE -> pair.right();
      case TIED -> NO_DIFFERENCE;
    };
  }

  /**
   * A measure of one training or evaluation each, lower better: its winner, marked as such.
   *
   * @param neverReached whether an absent value means the training never got there (convergence)
   *     rather than that the stage did not run
   */
  private static void single(List<List<Object>> rows, Pair pair, String measure,
      Optional<? extends Number> left, Optional<? extends Number> right, String format,
      boolean neverReached) {
    if (left.isEmpty() && right.isEmpty() && !neverReached) {
      return;
    }
    String missing = neverReached ? "never" : Table.MISSING;
    String verdict;
    if (left.isPresent() && right.isPresent()) {
      double difference = left.get().doubleValue() - right.get().doubleValue();
      verdict = difference == 0 ? "equal"
          : (difference < 0 ? pair.left() : pair.right()) + " (one run, no interval)";
    } else if (neverReached && (left.isPresent() || right.isPresent())) {
      verdict = (left.isPresent() ? pair.left() : pair.right()) + " (the other never got there)";
    } else {
      verdict = "";
    }
    rows.add(Arrays.asList(measure,
        left.map(v -> String.format(Locale.ROOT, format, v.doubleValue())).orElse(missing),
        right.map(v -> String.format(Locale.ROOT, format, v.doubleValue())).orElse(missing),
        verdict));
  }

  /** A count that is exact (parameters, MACs): fewer wins outright. */
  private static void exact(List<List<Object>> rows, Pair pair, String measure,
      Optional<Long> left, Optional<Long> right) {
    if (left.isEmpty() || right.isEmpty()) {
      return;
    }
    rows.add(Arrays.asList(measure, String.format(Locale.ROOT, "%,d", left.get()),
        String.format(Locale.ROOT, "%,d", right.get()), left.get().equals(right.get()) ? "equal"
            : left.get() < right.get() ? pair.left() + " (fewer)" : pair.right() + " (fewer)"));
  }

  private static void cost(List<List<Object>> rows, Pair pair, String measure,
      Optional<Configuration> left, Optional<Configuration> right,
      Function<Configuration, Estimate> figure, String format, boolean lowerIsBetter) {
    Estimate leftFigure = left.map(figure).orElse(null);
    Estimate rightFigure = right.map(figure).orElse(null);
    if (leftFigure == null || rightFigure == null) {
      return;
    }
    rows.add(Arrays.asList(measure, text(leftFigure, format), text(rightFigure, format),
        winner(pair, Dominance.cost(leftFigure, rightFigure, lowerIsBetter))));
  }

  /** {@code 1,234.5 ±2.1%}, and the verdict unless ok: the table's own cell, as text. */
  private static String text(Estimate estimate, String format) {
    return Table.format(Table.Column.estimate("", "", format), estimate).textWithVerdict();
  }

  private static Optional<Double> rho100Drop(ImbalanceReport imbalance) {
    if (imbalance == null) {
      return Optional.empty();
    }
    return imbalance.runs().stream()
        .filter(setting -> LeaderboardSection.IMBALANCE_SETTING.equals(setting.id()))
        .map(setting -> 100 * setting.accuracyDrop()).findFirst();
  }
}
