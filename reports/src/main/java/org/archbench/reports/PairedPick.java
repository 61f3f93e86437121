package org.archbench.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.archbench.schema.jmh.ComparisonVerdict;
import org.archbench.schema.jmh.Estimate;

/**
 * The pick of one cell of the pick table by the paired comparisons: the configuration no other
 * candidate is cheaper than, and how the others stand against it. Two configurations whose
 * comparison is undecided are not tied: the blocks so far cannot tell them apart, and more could.
 * So they are kept apart from those equivalent within the margin, and the cell is decided only when
 * none is left undecided.
 *
 * @param winner the pick
 * @param equivalent the candidates equivalent to it within the margin
 * @param undecided the candidates the comparisons do not yet tell apart from it
 */
record PairedPick(Configuration winner, List<Configuration> equivalent,
    List<Configuration> undecided) {

  PairedPick {
    equivalent = List.copyOf(equivalent);
    undecided = List.copyOf(undecided);
  }

  /** Whether the winner is cheaper than every other candidate, or equivalent to the rest. */
  boolean decided() {
    return undecided.isEmpty();
  }

  /**
   * The pick among {@code candidates}, each with a figure: of those no other is cheaper than, the
   * best by its estimate. Were every candidate beaten by another (comparisons that contradict
   * each other), the best estimate of all, with those cheaper than it counted as undecided.
   *
   * @param verdict the paired verdict of the first configuration against the second, undecided
   *     where the run did not compare them
   * @return empty when there is no candidate
   */
  static Optional<PairedPick> of(List<Configuration> candidates,
      Function<Configuration, Estimate> figure, boolean lowerIsBetter,
      BiFunction<Configuration, Configuration, ComparisonVerdict> verdict) {
    List<Configuration> unbeaten = candidates.stream()
        .filter(candidate -> candidates.stream().noneMatch(other -> other != candidate
            && verdict.apply(other, candidate) == ComparisonVerdict.A_CHEAPER))
        .toList();
    Optional<Configuration> winner = best(unbeaten.isEmpty() ? candidates : unbeaten, figure,
        lowerIsBetter);
    if (winner.isEmpty()) {
      return Optional.empty();
    }
    List<Configuration> equivalent = new ArrayList<>();
    List<Configuration> undecided = new ArrayList<>();
    for (Configuration other : candidates) {
      if (other == winner.get()) {
        continue;
      }
      switch (verdict.apply(winner.get(), other)) {
        case A_CHEAPER -> { }
        case EQUIVALENT -> equivalent.add(other);
        case B_CHEAPER, UNDECIDED -> undecided.add(other);
      }
    }
    return Optional.of(new PairedPick(winner.get(), equivalent, undecided));
  }

  private static Optional<Configuration> best(List<Configuration> candidates,
      Function<Configuration, Estimate> figure, boolean lowerIsBetter) {
    Configuration best = null;
    for (Configuration candidate : candidates) {
      double value = figure.apply(candidate).value();
      double bestValue = best == null ? Double.NaN : figure.apply(best).value();
      if (best == null || (lowerIsBetter ? value < bestValue : value > bestValue)) {
        best = candidate;
      }
    }
    return Optional.ofNullable(best);
  }
}
