package org.archbench.harness.evaluation;

/**
 * The difference of two accuracies measured on the same images, with the 95% interval that takes
 * their pairing into account: Newcombe's hybrid score interval for paired proportions (Statistics
 * in Medicine 17, 1998, method 10), built from each accuracy's Wilson interval and the correlation
 * of the two classifiers' hits. Two models that err on the same images (a model and its int8
 * copy) get a far narrower interval than two independent samples would.
 */
public final class PairedDifference {

  private PairedDifference() {}

  /**
   * A difference of two paired proportions.
   *
   * @param difference the first accuracy minus the second
   * @param lower lower end of its 95% interval
   * @param upper upper end
   */
  public record Interval(double difference, double lower, double upper) {}

  /**
   * The first classifier's accuracy minus the second's, from the 2x2 table of their hits.
   *
   * @param bothCorrect images both get right (a)
   * @param firstOnly the first right, the second wrong (b)
   * @param secondOnly the reverse (c)
   * @param neither both wrong (d)
   */
  public static Interval of(long bothCorrect, long firstOnly, long secondOnly, long neither) {
    long n = bothCorrect + firstOnly + secondOnly + neither;
    if (bothCorrect < 0 || firstOnly < 0 || secondOnly < 0 || neither < 0 || n == 0) {
      throw new IllegalArgumentException("expected non-negative counts of at least one image,"
          + " found " + bothCorrect + ", " + firstOnly + ", " + secondOnly + ", " + neither);
    }
    double first = (double) (bothCorrect + firstOnly) / n;
    double second = (double) (bothCorrect + secondOnly) / n;
    Wilson.Interval firstInterval = Wilson.interval(bothCorrect + firstOnly, n, 0.95);
    Wilson.Interval secondInterval = Wilson.interval(bothCorrect + secondOnly, n, 0.95);
    double phi = correlation(bothCorrect, firstOnly, secondOnly, neither);
    double firstBelow = first - firstInterval.lower();
    double firstAbove = firstInterval.upper() - first;
    double secondBelow = second - secondInterval.lower();
    double secondAbove = secondInterval.upper() - second;
    double difference = first - second;
    double lower = difference - Math.sqrt(Math.max(0, firstBelow * firstBelow
        - 2 * phi * firstBelow * secondAbove + secondAbove * secondAbove));
    double upper = difference + Math.sqrt(Math.max(0, secondBelow * secondBelow
        - 2 * phi * secondBelow * firstAbove + firstAbove * firstAbove));
    return new Interval(difference, Math.max(-1, lower), Math.min(1, upper));
  }

  /** The phi coefficient of the 2x2 table; 0 where a margin is empty (no correlation to use). */
  private static double correlation(long a, long b, long c, long d) {
    double denominator = Math.sqrt((double) (a + b) * (c + d) * (a + c) * (b + d));
    return denominator == 0 ? 0 : ((double) a * d - (double) b * c) / denominator;
  }
}
