package org.archbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.archbench.harness.Preset;
import org.archbench.harness.PresetBudget;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.EngineInfo;
import org.archbench.schema.training.EpochRecord;
import org.archbench.schema.training.ImbalanceProfile;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.TrainingReport;
import org.archbench.schema.training.Transfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each training stage of a preset trains, and how far its reports say it has come. */
class TrainingWorkTest {

  private static final PresetBudget STANDARD = PresetBudget.of(Preset.STANDARD);

  @TempDir Path run;

  @Test
  void theStandardTrainingStagesTrainWhatTheirStudiesTrain() {
    TrainingWork work = new TrainingWork(STANDARD, Map.of());

    assertEquals(List.of(new TrainingWork.Training("cnn", 54_000, STANDARD.epochs("cnn"), true)),
        work.of("train", List.of("cnn")));
    // exp-rho100 keeps 5,400 x 100^(-i/9) images of the class at tail rank i.
    long longTail = java.util.Arrays.stream(ImbalanceProfile.parse("exp-rho100").counts(5_400, 10))
        .sum();
    // None and re-weighting, each validating its last epoch only.
    assertEquals(List.of(new TrainingWork.Training("vgg", longTail, STANDARD.epochs("vgg"), false),
            new TrainingWork.Training("vgg", longTail, STANDARD.epochs("vgg"), false)),
        work.of("imbalance", List.of("vgg")));
    // The transfer study pretrains on half the classes, then trains three regimes per budget.
    List<TrainingWork.Training> transfer = work.of("transfer", List.of("mlp", "vgg"));
    assertEquals(1 + 3 * STANDARD.transfer().budgets().size(), transfer.size());
    assertEquals(new TrainingWork.Training("vgg", 27_000, STANDARD.transfer().pretrainEpochs(), false),
        transfer.get(0));
    assertEquals(List.of(new TrainingWork.Training("mlp", 54_000, STANDARD.epochs("mlp"), true)),
        work.of("loss", List.of("mlp", "vgg")));
    assertEquals(List.of(), work.of("evaluate", List.of("mlp")));
  }

  @Test
  void theBenchSettingsOverrideThePreset() {
    TrainingWork work = new TrainingWork(STANDARD,
        Map.of("bench.epochs", "3", "bench.limit", "1000", "bench.seeds", "2"));

    assertEquals(List.of(new TrainingWork.Training("cnn", 1_000, 3, true),
            new TrainingWork.Training("cnn", 1_000, 3, true)),
        work.of("train", List.of("cnn")));
  }

  @Test
  void progressCountsTheEpochsWrittenSinceTheStageStartedAtTheMeasuredSpeed() throws IOException {
    long start = System.currentTimeMillis() - 1_000;
    write(run.resolve("training/cnn.json"), "cnn", 2, 15, 54_000, true);
    write(run.resolve("imbalance/runs/exp-rho100-none/training/vgg.json"), "vgg", 1, 8, 13_399,
        false);

    TrainingWork.Done train = TrainingWork.done(run, "train", start, arch -> 0.001);
    TrainingWork.Done imbalance = TrainingWork.done(run, "imbalance", start, arch -> 0.002);

    // Each epoch: its images, and the 6,000 validation images at a third of a training step.
    assertEquals(2 * (54_000 + 2_000) * 0.001, train.estimatedSeconds(), 1e-9);
    assertEquals(2 * 11.0, train.tookSeconds(), 1e-9, "training and validation seconds");
    assertEquals(22 / 112.0, train.speedRatio(), 1e-9);
    // A study's epoch before its last has no validation pass to estimate.
    assertEquals(13_399 * 0.002, imbalance.estimatedSeconds(), 1e-9);
    assertEquals(TrainingWork.Done.NOTHING, TrainingWork.done(run, "train",
        System.currentTimeMillis() + 60_000, arch -> 0.001),
        "a report from before the stage is a reused model's");
    assertEquals("cnn epoch 3 of 15", TrainingWork.running(run, "train", start));
  }

  private static void write(Path file, String arch, int epochs, int totalEpochs, int images,
      boolean validated) throws IOException {
    TrainingConfig config = new TrainingConfig(totalEpochs, 128, 1e-3f, 0,
        LossFunction.CROSS_ENTROPY, LearningRateSchedule.COSINE, Augmentation.NONE, 0, 42,
        ComputeDevice.CPU, Transfer.NONE, LongTail.BALANCED, ClassSubset.ALL);
    List<EpochRecord> records = java.util.stream.IntStream.rangeClosed(1, epochs)
        .mapToObj(epoch -> new EpochRecord(epoch, 0.5, 0.8, validated ? 0.5 : null,
            validated ? 0.8 : null, 1e-3, 10, validated ? 1 : 0, 5_000, 1, 1))
        .toList();
    JsonFiles.write(file, new TrainingReport(arch, new TrainingKey(arch, "spec", config, "data",
            TrainingKey.FORMAT), new EngineInfo("PyTorch", "2.7.1", "cpu()", 1, 1),
        TrainingReport.RUNNING, records, null, images, 10.0 * epochs, List.of(),
        Instant.now().toString(), null));
  }
}
