package org.archbench.schema.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanIntervalTest {

  @Test
  void theIntervalIsStudentsTOnNMinusOneDegreesOfFreedom() {
    // mean 10, s = 1, n = 4: t(0.975, 3) = 3.182446, half-width 3.182446 * 1 / 2.
    MeanInterval interval = MeanInterval.of(new double[] {9, 10, 10, 11});

    assertEquals(10, interval.mean(), 1e-12);
    assertEquals(Math.sqrt(2.0 / 3), interval.standardDeviation(), 1e-12);
    double halfWidth = 3.182446305 * Math.sqrt(2.0 / 3) / 2;
    assertEquals(10 - halfWidth, interval.lower95(), 1e-8);
    assertEquals(10 + halfWidth, interval.upper95(), 1e-8);
    assertEquals(halfWidth / 10, interval.relativeHalfWidth(), 1e-9);
    assertEquals(4, interval.n());
  }

  @Test
  void oneReplicateHasAMeanAndNoInterval() {
    MeanInterval interval = MeanInterval.of(new double[] {7});

    assertEquals(7, interval.mean());
    assertTrue(Double.isNaN(interval.lower95()) && Double.isNaN(interval.upper95()));
    assertTrue(Double.isNaN(interval.relativeHalfWidth()));
  }
}
