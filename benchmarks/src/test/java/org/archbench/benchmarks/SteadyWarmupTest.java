package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** The warm-up's stopping rule on given windows' rates, and how a fork finds its batch. */
class SteadyWarmupTest {

  private static DoubleSupplier rates(Double... rates) {
    Iterator<Double> next = List.of(rates).iterator();
    return next::next;
  }

  @Test
  void stopsAtTheFirstTwoWindowsThatAgreeWithinTheTolerance() {
    // A transient: each window faster, until two agree within 3%.
    SteadyWarmup.Outcome outcome =
        SteadyWarmup.settle(rates(2.0, 150.0, 900.0, 1000.0, 1010.0), 12, 0.03);

    assertTrue(outcome.steady());
    assertEquals(5, outcome.windows());
    assertEquals(0.01, outcome.change(), 1e-12);
  }

  @Test
  void aWarmUpStillImprovingAtTheCapIsNotSteady() {
    SteadyWarmup.Outcome outcome =
        SteadyWarmup.settle(rates(100.0, 200.0, 300.0, 400.0, 500.0), 4, 0.03);

    assertFalse(outcome.steady());
    assertEquals(4, outcome.windows());
    assertEquals(1 / 3.0, outcome.change(), 1e-12, "300 to 400");
  }

  @Test
  void noiseThatNoLongerImprovesIsPastTheTransient() {
    // Never two within 3%, but the third window is slower than the best before it.
    SteadyWarmup.Outcome outcome =
        SteadyWarmup.settle(rates(100.0, 200.0, 180.0, 220.0), 12, 0.03);

    assertTrue(outcome.steady());
    assertEquals(3, outcome.windows());
  }

  @Test
  void twoWindowsAreTheLeastEvenWithACapOfOne() {
    assertTrue(SteadyWarmup.settle(rates(100.0, 101.0), 1, 0.03).steady());
  }

  @Test
  void aForkFindsItsBatchInItsMethodsName() {
    assertEquals(32, LoadedModel.batchOf("org.archbench.benchmarks.ThroughputBenchmark.batch032"));
    assertEquals(1, LoadedModel.batchOf("org.archbench.benchmarks.LatencyBenchmark.batch001"));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> LoadedModel.batchOf("org.archbench.benchmarks.X.forward"));
    assertTrue(error.getMessage().contains("named for its batch size"), error.getMessage());
  }
}
