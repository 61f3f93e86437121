package org.archbench.harness.robustness;

import java.util.SplittableRandom;

/** Random draws the noise corruptions need, from the caller's seeded stream only. */
final class Noise {

  private Noise() {}

  /** A standard normal draw (Box-Muller). */
  static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A Poisson draw of mean {@code mean} (Knuth's product of uniforms; means here stay below 61). */
  static int poisson(double mean, SplittableRandom random) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
