package org.archbench.harness.evaluation;

import org.archbench.schema.stats.McNemarMethod;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * McNemar's test of whether two classifiers err equally often on the same images. Only the
 * discordant images count: b, where the first is right and the second wrong, and c, the reverse.
 * Below 25 discordant images the exact binomial test is used, otherwise the chi-square test with
 * Edwards' continuity correction.
 */
public final class McNemar {

  /** Discordant counts below this get the exact test. */
  public static final int EXACT_BELOW = 25;

  private McNemar() {}

  /**
   * @param firstOnlyCorrect b: images the first classifier gets right and the second wrong
   * @param secondOnlyCorrect c: the reverse
   * @param statistic the chi-square statistic, or b for the exact test
   * @param pValue two-sided
   * @param method the test used
   */
  public record Result(
      long firstOnlyCorrect, long secondOnlyCorrect, double statistic, double pValue, McNemarMethod method) {}

  /** Compares two classifiers by whether each got each image right. */
  public static Result test(boolean[] firstCorrect, boolean[] secondCorrect) {
    if (firstCorrect.length != secondCorrect.length) {
      throw new IllegalArgumentException(
          "expected both classifiers on the same images, found " + firstCorrect.length + " and "
              + secondCorrect.length);
    }
    long b = 0;
    long c = 0;
    for (int i = 0; i < firstCorrect.length; i++) {
      if (firstCorrect[i] && !secondCorrect[i]) {
        b++;
      } else if (!firstCorrect[i] && secondCorrect[i]) {
        c++;
      }
    }
    return test(b, c);
  }

  /** The test on the discordant counts alone. */
  public static Result test(long b, long c) {
    if (b < 0 || c < 0) {
      throw new IllegalArgumentException("expected non-negative counts, found " + b + ", " + c);
    }
    long n = b + c;
    if (n == 0) {
      return new Result(b, c, 0, 1, McNemarMethod.EXACT_BINOMIAL);
    }
    if (n < EXACT_BELOW) {
      BinomialDistribution binomial = new BinomialDistribution(null, Math.toIntExact(n), 0.5);
      double p = Math.min(1, 2 * binomial.cumulativeProbability(Math.toIntExact(Math.min(b, c))));
      return new Result(b, c, b, p, McNemarMethod.EXACT_BINOMIAL);
    }
    double statistic = Math.pow(Math.abs(b - c) - 1, 2) / n;
    // P(chi2_1 > x) = erfc(sqrt(x / 2)): exact in the far tail, where 1 - CDF would round to 0.
    double p = Erf.erfc(Math.sqrt(statistic / 2));
    return new Result(b, c, statistic, p, McNemarMethod.CHI_SQUARED_CONTINUITY_CORRECTED);
  }
}
