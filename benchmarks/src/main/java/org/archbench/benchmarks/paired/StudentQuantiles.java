package org.archbench.benchmarks.paired;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Student-t quantiles, each computed once: a search for the blocks a comparison needs asks for the
 * same few hundred quantiles for every comparison of every block, and commons-math inverts the
 * distribution numerically each time it is asked.
 */
final class StudentQuantiles {

  private record Key(double probability, int degreesOfFreedom) {}

  private static final ConcurrentHashMap<Key, Double> QUANTILES = new ConcurrentHashMap<>();

  private StudentQuantiles() {}

  /** The {@code probability} quantile of Student's t on {@code degreesOfFreedom}, at least 1. */
  static double quantile(double probability, int degreesOfFreedom) {
    if (degreesOfFreedom < 1) {
      throw new IllegalArgumentException(
          "expected at least 1 degree of freedom, found " + degreesOfFreedom);
    }
    return QUANTILES.computeIfAbsent(new Key(probability, degreesOfFreedom),
        key -> new TDistribution(null, key.degreesOfFreedom())
            .inverseCumulativeProbability(key.probability()));
  }
}
