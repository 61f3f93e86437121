package org.archbench.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.archbench.schema.jmh.Estimate;

/**
 * Where each configuration stands against the others on accuracy and one cost, the uncertainty of
 * both taken into account ({@link Dominance}).
 */
final class Pareto {

  /** A configuration's standing. */
  enum Status {
    /** No configuration beats it, not even on the point estimates. */
    FRONTIER("on the frontier"),
    /**
     * Another beats it on the point estimates, but not beyond the uncertainty: it is statistically
     * tied with the frontier, not beaten.
     */
    TIED("tied with the frontier"),
    /** Another is better beyond the uncertainty on one axis and not detectably worse on the other. */
    DOMINATED("dominated");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  /**
   * One configuration's standing.
   *
   * @param configuration the configuration
   * @param cost its cost figure
   * @param status where it stands
   * @param dominatedBy the configurations that dominate it, by name; empty unless dominated
   */
  record Standing(Configuration configuration, Estimate cost, Status status,
      List<String> dominatedBy) {}

  private Pareto() {}

  /**
   * The standing of every configuration with an accuracy and a positive cost figure; the others
   * have no place on the chart.
   *
   * @param cost reads the cost figure off a configuration; null where it was not measured
   * @param lowerIsBetter whether less of it is better (latency, memory) or more (throughput)
   */
  static List<Standing> standings(List<Configuration> configurations,
      Function<Configuration, Estimate> cost, boolean lowerIsBetter, Dominance dominance) {
    List<Configuration> placed = new ArrayList<>();
    List<Estimate> costs = new ArrayList<>();
    for (Configuration configuration : configurations) {
      Estimate figure = cost.apply(configuration);
      if (configuration.hasAccuracy() && figure != null && Plausibility.isCost(figure.value())
          && figure.value() > 0) {
        placed.add(configuration);
        costs.add(figure);
      }
    }
    List<Standing> standings = new ArrayList<>();
    for (int b = 0; b < placed.size(); b++) {
      List<String> dominatedBy = new ArrayList<>();
      boolean beatenOnPoints = false;
      for (int a = 0; a < placed.size(); a++) {
        if (a == b) {
          continue;
        }
        if (dominance.dominates(placed.get(a), costs.get(a), placed.get(b), costs.get(b),
            lowerIsBetter)) {
          dominatedBy.add(placed.get(a).name());
        }
        beatenOnPoints |= beatsOnPoints(placed.get(a), costs.get(a), placed.get(b), costs.get(b),
            lowerIsBetter);
      }
      Status status = !dominatedBy.isEmpty() ? Status.DOMINATED
          : beatenOnPoints ? Status.TIED : Status.FRONTIER;
      standings.add(new Standing(placed.get(b), costs.get(b), status, dominatedBy));
    }
    return standings;
  }

  /** The classical rule on the point estimates: no worse on either axis, better on one. */
  private static boolean beatsOnPoints(Configuration a, Estimate costA, Configuration b,
      Estimate costB, boolean lowerIsBetter) {
    double accuracyA = a.accuracy().accuracy();
    double accuracyB = b.accuracy().accuracy();
    double gain = lowerIsBetter ? costB.value() - costA.value() : costA.value() - costB.value();
    return accuracyA >= accuracyB && gain >= 0 && (accuracyA > accuracyB || gain > 0);
  }
}
