package org.archbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How many lanes, of how many threads. */
class LanePlanTest {

  @Test
  void twoCoresGiveTwoLanesOfOneThread() {
    LanePlan plan = LanePlan.of(2, 11);

    assertEquals(2, plan.count());
    assertEquals(1, plan.threadsPerLane());
    assertTrue(plan.decidedBy().startsWith("2 cores: 2 lanes of 1 thread"), plan.decidedBy());
    assertEquals(List.of(List.of("resnet"), List.of("vgg", "cnn")),
        plan.record(List.of(List.of("resnet"), List.of("vgg", "cnn"))).archs());
  }

  @Test
  void moreCoresShareThemOutAndOneCoreOrOneJobKeepsOneLane() {
    assertEquals(8, LanePlan.of(16, 5).threadsPerLane());

    LanePlan oneCore = LanePlan.of(1, 5);
    LanePlan oneJob = LanePlan.of(2, 1);

    assertEquals(1, oneCore.count());
    assertEquals(1, oneCore.threadsPerLane());
    assertEquals(1, oneJob.count());
    assertEquals(2, oneJob.threadsPerLane());
  }
}
