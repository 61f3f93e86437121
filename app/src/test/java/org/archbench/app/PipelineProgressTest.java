package org.archbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pipeline's progress line and its ETA. */
class PipelineProgressTest {

  private static final Pattern ETA = Pattern.compile("ETA (\\d+)m(\\d+)s more");

  private final PipelineProgress progress = new PipelineProgress(
      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
      List.of("data", "train", "evaluate", "report"));

  @Test
  void beforeTheSpeedIsMeasuredTheLineSaysSo() {
    progress.stageStarted("data", () -> PipelineProgress.Progress.UNKNOWN, 0);

    String line = progress.line();

    assertTrue(line.startsWith("[archbench] stage 1 of 4, data | elapsed 0s"), line);
    assertTrue(line.endsWith("| ETA after the training speed is measured"), line);
  }

  @Test
  void theEtaIsTheStageLeftPlusTheStagesAfterItScaledByTheSpeedSoFar() {
    progress.estimate(Map.of("train", 600.0, "evaluate", 120.0, "report", 15.0));
    progress.stageStarted("train", () -> PipelineProgress.Progress.UNKNOWN, 0);

    // Nothing done yet: the train stage's estimate, then the others'.
    assertEquals(735, etaSeconds(progress.line()), 2);

    // A training stage a quarter done, its epochs 20% slower than estimated.
    progress.stageStarted("train",
        () -> new PipelineProgress.Progress(0.25, 1.2, "training cnn"), 0);
    String line = progress.line();
    assertTrue(line.contains("train: training cnn (25% of the stage)"), line);
    assertEquals(720 + 135, etaSeconds(line), 2);

    // It took twice its estimate: the stages after it are estimated twice as long.
    progress.stageEnded("train", true, 1200);
    assertEquals(240, progress.stageStarted("evaluate", () -> PipelineProgress.Progress.UNKNOWN, 0)
        .getAsDouble(), 1e-9);
    assertEquals(240 + 30, etaSeconds(progress.line()), 2);
    progress.stageEnded("evaluate", true, 200);
    assertEquals(List.of("train", "evaluate"),
        progress.finished().stream().map(PipelineProgress.StageTime::stage).toList());
    assertEquals(600, progress.finished().get(0).estimatedSeconds().getAsDouble(), 1e-9);
  }

  @Test
  void aStageOfEvenWorkIsExtrapolatedFromItsShareDone() {
    progress.estimate(Map.of("train", 600.0, "evaluate", 120.0, "report", 15.0));
    // 100 s into the stage and 40% done: 150 s more, whatever the estimate said.
    progress.stageStarted("evaluate",
        () -> new PipelineProgress.Progress(0.4, Double.NaN, "round 1 of 3"), 100);

    assertEquals(150 + 15, etaSeconds(progress.line()), 2);
  }

  @Test
  void aStagePastItsEstimateWithNoShareDoneSaysSoInsteadOfClaimingItIsAlmostDone() {
    // Estimated at no time at all: it is past its estimate as soon as it starts.
    progress.estimate(Map.of("train", 600.0, "evaluate", 0.0, "report", 75.0));
    progress.stageStarted("evaluate", () -> PipelineProgress.Progress.UNKNOWN, 0);

    String line = progress.line();

    assertTrue(line.endsWith(
        "| ETA 1m15s more after this stage, which is past its estimate of 0s"), line);
  }

  @Test
  void clockReadsHoursMinutesOrSeconds() {
    assertEquals("45s", PipelineProgress.clock(45.2));
    assertEquals("12m05s", PipelineProgress.clock(725));
    assertEquals("1h02m", PipelineProgress.clock(3725));
  }

  private static long etaSeconds(String line) {
    Matcher eta = ETA.matcher(line);
    assertTrue(eta.find(), line);
    return Long.parseLong(eta.group(1)) * 60 + Long.parseLong(eta.group(2));
  }
}
