package org.archbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.archbench.harness.Preset;
import org.archbench.harness.PresetBudget;
import org.archbench.schema.run.TrainingSpeeds;
import org.junit.jupiter.api.Test;

/** A stage's estimate from its work at the measured speed. */
class StageEstimatesTest {

  private static final TrainingSpeeds SPEEDS = new TrainingSpeeds(1, List.of(
      new TrainingSpeeds.ArchSpeed("cnn", 1e-3), new TrainingSpeeds.ArchSpeed("vgg", 2.5e-3)),
      "2026-12-06T10:00:00Z");

  private final TrainingWork work = new TrainingWork(PresetBudget.of(Preset.STANDARD), Map.of());
  private final StageEstimates estimates = new StageEstimates(SPEEDS, work, Preset.STANDARD, 2);

  @Test
  void aJobIsItsTrainingsAtTheLanesSpeedAndALoneLaneHasEveryCore() {
    double vgg = estimates.workSeconds("train", List.of("vgg"), List.of());
    int epochs = PresetBudget.of(Preset.STANDARD).epochs("vgg");
    assertTrue(vgg > epochs * 54_000 * 2.5e-3, "epochs of 54,000 images, and the validation passes");

    double inTwoLanes = estimates.jobSeconds("train", "vgg", LanePlan.of(2, 5), List.of());
    double alone = estimates.jobSeconds("train", "vgg", LanePlan.of(2, 1), List.of());

    assertEquals(vgg, inTwoLanes, 10, "a JVM start besides");
    assertEquals(vgg / StageEstimates.ONE_LANE_SPEEDUP, alone, 10);
  }

  @Test
  void aModelTrainedBeforeIsReusedAndCostsTheTrainStageNothing() {
    List<String> archs = List.of("cnn", "vgg");
    LanePlan lanes = LanePlan.of(2, 4);

    assertEquals(0, estimates.workSeconds("train", archs, archs));
    assertTrue(estimates.jobSeconds("imbalance", "cnn", lanes, archs) > 60,
        "the studies train their own models whatever the train stage reused");
    assertTrue(estimates.jobSeconds("train", "cnn", lanes, archs) < 10);
  }

  @Test
  void anUnmeasuredArchitectureTakesTheMeanSpeed() {
    assertEquals(1.75e-3, estimates.secondsPerImage("resnet"), 1e-12);
  }
}
