package org.archbench.harness.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for testing many pairs at once: it controls the family-wise error
 * rate like Bonferroni, but rejects more.
 */
public final class Holm {

  private Holm() {}

  /** The adjusted p-values, in the order of {@code pValues}. */
  public static double[] adjust(double[] pValues) {
    int m = pValues.length;
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int index = order[rank];
      running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
      adjusted[index] = running;
    }
    return adjusted;
  }
}
