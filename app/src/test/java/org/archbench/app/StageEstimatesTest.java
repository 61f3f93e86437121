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
  void aTrainingStageTakesAsLongAsItsSlowestLane() {
    List<String> archs = List.of("cnn", "vgg");
    LanePlan lanes = estimates.lanes("train", archs);

    double seconds = estimates.seconds("train", archs, lanes, List.of());

    assertEquals(2, lanes.count());
    double cnn = estimates.workSeconds("train", List.of("cnn"), List.of());
    double vgg = estimates.workSeconds("train", List.of("vgg"), List.of());
    assertEquals(Math.max(cnn, vgg), seconds, 10, "a JVM start per lane besides");
    assertTrue(vgg > 8 * 54_000 * 2.5e-3, "epochs of 54,000 images, and the validation passes");
  }

  @Test
  void aModelTrainedBeforeIsReusedAndCostsTheTrainStageNothing() {
    List<String> archs = List.of("cnn", "vgg");
    LanePlan lanes = estimates.lanes("train", archs);

    assertEquals(0, estimates.workSeconds("train", archs, archs));
    assertTrue(estimates.seconds("imbalance", archs, estimates.lanes("imbalance", archs), archs)
        > 60, "the studies train their own models whatever the train stage reused");
    assertTrue(estimates.seconds("train", archs, lanes, archs) < 10);
  }

  @Test
  void anUnmeasuredArchitectureTakesTheMeanSpeed() {
    assertEquals(1.75e-3, estimates.secondsPerImage("resnet"), 1e-12);
  }
}
