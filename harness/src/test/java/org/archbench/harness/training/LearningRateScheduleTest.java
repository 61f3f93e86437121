package org.archbench.harness.training;

import org.archbench.schema.training.LearningRateSchedule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

  @Test
  void cosineFallsFromTheBaseToZero() {
    assertEquals(1e-3, LearningRateSchedule.COSINE.at(1e-3, 0, 101), 1e-12);
    assertEquals(0.5e-3, LearningRateSchedule.COSINE.at(1e-3, 50, 101), 1e-12);
    assertEquals(0, LearningRateSchedule.COSINE.at(1e-3, 100, 101), 1e-12);
  }

  @Test
  void oneCycleWarmsUpThenAnneals() {
    double base = 1e-3;
    assertEquals(base / 25, LearningRateSchedule.ONE_CYCLE.at(base, 0, 101), 1e-12);
    assertEquals(base, LearningRateSchedule.ONE_CYCLE.at(base, 30, 101), 1e-12);
    assertEquals(base / 25 / 1e4, LearningRateSchedule.ONE_CYCLE.at(base, 100, 101), 1e-15);
  }

  @Test
  void constantStaysPut() {
    assertEquals(1e-3, LearningRateSchedule.CONSTANT.at(1e-3, 77, 101), 0);
  }
}
