package org.archbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dealing architectures out to lanes so that they end together. */
class LanePlanTest {

  private static final Map<String, Double> SECONDS =
      Map.of("mlp", 40.0, "cnn", 800.0, "secnn", 780.0, "resnet", 1400.0, "vgg", 1060.0);

  @Test
  void twoCoresGiveTwoLanesOfOneThreadDealtLongestFirstToTheLeastLoaded() {
    LanePlan plan = LanePlan.of(2, List.of("mlp", "cnn", "secnn", "resnet", "vgg"), SECONDS::get);

    assertEquals(1, plan.threadsPerLane());
    // resnet, then vgg to the empty lane, cnn beside vgg (1,060 < 1,400), secnn beside resnet
    // (1,400 < 1,860), mlp to the lighter lane (2,180 > 1,860).
    assertEquals(List.of(List.of("resnet", "secnn"), List.of("vgg", "cnn", "mlp")), plan.lanes());
    assertTrue(plan.decidedBy().startsWith("2 cores: 2 lanes of 1 thread"), plan.decidedBy());
    assertEquals(plan.lanes(), plan.record().archs());
  }

  @Test
  void moreCoresShareThemOutAndOneCoreOrOneArchitectureKeepsOneLane() {
    assertEquals(8, LanePlan.of(16, List.of("cnn", "vgg"), SECONDS::get).threadsPerLane());

    LanePlan oneCore = LanePlan.of(1, List.of("cnn", "vgg"), SECONDS::get);
    LanePlan oneArch = LanePlan.of(2, List.of("vgg"), SECONDS::get);

    assertEquals(List.of(List.of("vgg", "cnn")), oneCore.lanes());
    assertEquals(1, oneCore.threadsPerLane());
    assertEquals(List.of(List.of("vgg")), oneArch.lanes());
    assertEquals(2, oneArch.threadsPerLane());
  }
}
