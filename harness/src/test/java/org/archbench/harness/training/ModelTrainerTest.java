package org.archbench.harness.training;

import java.util.stream.IntStream;

import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.training.EpochRecord;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.TrainingReport;
import org.archbench.schema.training.Transfer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.engine.Engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.Engines;
import org.archbench.harness.evaluation.TestPredictions;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.schema.io.JsonFiles;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.Architectures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on DJL's PyTorch engine (CPU), on a small synthetic set: no dataset needed. */
class ModelTrainerTest {

  private static final LoadedDataset DATA = SyntheticData.dataset(640, 200);

  @TempDir Path out;

  private static TrainingConfig config(int epochs, float learningRate) {
    return new TrainingConfig(epochs, 64, learningRate, 0, LossFunction.CROSS_ENTROPY,
        LearningRateSchedule.COSINE, Augmentation.NONE, 512, 7, ComputeDevice.CPU, Transfer.NONE,
            LongTail.BALANCED, ClassSubset.ALL);
  }

  private ModelTrainer trainer(ArchitectureSpec spec, TrainingConfig config, Path root) {
    return new ModelTrainer(spec, config, DATA, new OutputLayout(root));
  }

  @Test
  void twoEpochsOnFiveHundredImagesLowerTheLoss() throws IOException {
    TrainingReport report = trainer(Architectures.MLP, config(2, 1e-3f), out).train(false, false).report();

    List<EpochRecord> epochs = report.epochs();
    assertEquals(2, epochs.size());
    assertEquals(512, report.trainImages());
    assertTrue(epochs.get(1).trainLoss() < epochs.get(0).trainLoss(), epochs.toString());
    assertTrue(epochs.get(1).validationLoss() < Math.log(10), epochs.toString());
    assertTrue(report.complete());
    assertTrue(report.result().test() > 0.5, report.result().toString());
    assertEquals(512, report.result().trainImagesMeasured(), "fewer than the sample: all of them");
  }

  @Test
  void theTrainAccuracyIsMeasuredOnASeededSampleOfTheTrainingImages() {
    int[] split = IntStream.range(0, 54_000).map(i -> 2 * i).toArray();

    int[] sample = ModelTrainer.trainAccuracySample(split, 42);

    assertEquals(ModelTrainer.TRAIN_ACCURACY_SAMPLE, sample.length);
    assertEquals(sample.length, IntStream.of(sample).distinct().count());
    assertTrue(IntStream.of(sample).allMatch(i -> i % 2 == 0 && i < 108_000), "from the split only");
    assertArrayEquals(sample, ModelTrainer.trainAccuracySample(split, 42));
    assertFalse(Arrays.equals(sample, ModelTrainer.trainAccuracySample(split, 43)));
  }

  @Test
  void writesTheLayoutOfDesignMd() throws IOException {
    trainer(Architectures.MLP, config(1, 1e-3f), out).train(false, false);

    Path model = out.resolve("models/mlp");
    assertTrue(Files.isRegularFile(model.resolve("mlp-0001.params")));
    assertTrue(Files.isRegularFile(model.resolve("arch.json")));
    assertTrue(Files.isRegularFile(model.resolve("key.json")));
    TrainingReport report = JsonFiles.read(out.resolve("training/mlp.json"), TrainingReport.class);
    assertEquals(TrainingReport.COMPLETE, report.status());
    assertEquals("cpu()", report.engine().device());
    assertTrue(report.epochs().get(0).rssAnonBytes() > 0);
    assertFalse(Files.exists(out.resolve("checkpoints/mlp")), "checkpoints are removed when done");
  }

  @Test
  void theFinalTestPassGivesTheStoredModelsPredictionsOnTheTrainingEngine() throws IOException {
    ModelTrainer.Outcome fresh = trainer(Architectures.CNN, config(1, 1e-3f), out).train(false, false);
    ModelTrainer.Outcome reused = trainer(Architectures.CNN, config(1, 1e-3f), out).train(false, false);
    ModelFiles files = ModelFiles.in(new OutputLayout(out).modelDirectory("cnn"));
    EngineKind engine = Engines.byId(Engines.TRAINING_ENGINE);

    TestPredictions onTheEngine =
        TestPredictions.of(engine, files, EngineSettings.cpuDefaults(), DATA.test());
    TestPredictions fromTraining = fresh.testPredictions(engine, files,
        EngineSettings.cpuDefaults(), DATA.test());
    assertTrue(fresh.test().isPresent());
    assertArrayEquals(onTheEngine.labels(), fromTraining.labels());
    assertArrayEquals(onTheEngine.predicted(), fromTraining.predicted());
    assertEquals(fresh.report().result().test(), fromTraining.accuracy().accuracy(), 1e-12);
    assertTrue(reused.test().isEmpty(), "a reused model was not tested");
    assertArrayEquals(onTheEngine.predicted(), reused.testPredictions(engine, files,
        EngineSettings.cpuDefaults(), DATA.test()).predicted());
    assertThrows(IllegalArgumentException.class, () -> fresh.testPredictions(engine, files,
        EngineSettings.cpuDefaults(), DATA.train()), "another set than the task's test images");
  }

  @Test
  void anIdenticalRunReusesTheModel() throws IOException {
    ModelTrainer.Outcome first = trainer(Architectures.MLP, config(1, 1e-3f), out).train(false, false);
    ModelTrainer.Outcome second = trainer(Architectures.MLP, config(1, 1e-3f), out).train(false, false);
    ModelTrainer.Outcome changed = trainer(Architectures.MLP, config(1, 2e-3f), out).train(false, false);

    assertFalse(first.reused());
    assertTrue(second.reused());
    assertEquals(first.report(), second.report());
    assertFalse(changed.reused(), "another learning rate is another model");
  }

  @Test
  void aKeyFromAnOlderFormatMeansTrainingAgainNotAnError() throws IOException {
    trainer(Architectures.MLP, config(1, 1e-3f), out).train(false, false);
    Files.writeString(out.resolve("models/mlp/key.json"), "{\"arch\": \"mlp\", \"config\": {}}");

    ModelTrainer.Outcome again = trainer(Architectures.MLP, config(1, 1e-3f), out).train(false, false);

    assertFalse(again.reused());
    assertTrue(trainer(Architectures.MLP, config(1, 1e-3f), out).train(false, false).reused());
  }

  @Test
  void resumingAfterACrashGivesTheWeightsOfAnUninterruptedRun() throws IOException {
    Path straight = out.resolve("straight");
    Path interrupted = out.resolve("interrupted");
    trainer(Architectures.CNN, config(2, 1e-3f), straight).train(false, false);

    ModelTrainer crashing = trainer(Architectures.CNN, config(2, 1e-3f), interrupted)
        .setEpochListener(record -> {
          throw new IllegalStateException("simulated crash after epoch " + record.epoch());
        });
    assertThrows(IllegalStateException.class, () -> crashing.train(false, false));
    assertTrue(Files.isDirectory(interrupted.resolve("checkpoints/cnn/epoch-0001")));

    TrainingReport resumed =
        trainer(Architectures.CNN, config(2, 1e-3f), interrupted).train(true, false).report();

    assertEquals(List.of(1), resumed.resumedAtEpochs());
    assertArrayEquals(
        Files.readAllBytes(straight.resolve("models/cnn/cnn-0002.params")),
        Files.readAllBytes(interrupted.resolve("models/cnn/cnn-0002.params")));
  }

  @Test
  void validatingTheLastEpochOnlyTrainsTheSameWeights() throws IOException {
    Path everyEpoch = out.resolve("every-epoch");
    Path lastOnly = out.resolve("last-only");
    TrainingReport validatedEach =
        trainer(Architectures.CNN, config(2, 1e-3f), everyEpoch).train(false, false).report();

    TrainingReport validatedLast = trainer(Architectures.CNN, config(2, 1e-3f), lastOnly)
        .validatingLastEpochOnly().train(false, false).report();

    assertEquals(List.of(false, true),
        validatedLast.epochs().stream().map(EpochRecord::validated).toList());
    assertEquals(0, validatedLast.epochs().get(0).validationSeconds());
    assertEquals(validatedEach.result(), validatedLast.result());
    assertArrayEquals(
        Files.readAllBytes(everyEpoch.resolve("models/cnn/cnn-0002.params")),
        Files.readAllBytes(lastOnly.resolve("models/cnn/cnn-0002.params")));
    assertEquals(validatedLast, JsonFiles.read(lastOnly.resolve("training/cnn.json"),
        TrainingReport.class), "an epoch without validation reads back as written");
  }

  @Test
  void resumingFromATruncatedCheckpointNamesItAndWhatToDo() throws IOException {
    ModelTrainer crashing = trainer(Architectures.MLP, config(2, 1e-3f), out)
        .setEpochListener(record -> {
          throw new IllegalStateException("simulated crash after epoch " + record.epoch());
        });
    assertThrows(IllegalStateException.class, () -> crashing.train(false, false));
    Path checkpoint = out.resolve("checkpoints/mlp/epoch-0001");
    Path parameters = checkpoint.resolve("mlp-0001.params");
    Files.write(parameters, Arrays.copyOf(Files.readAllBytes(parameters), 300));

    IOException error = assertThrows(IOException.class,
        () -> trainer(Architectures.MLP, config(2, 1e-3f), out).train(true, false));

    assertTrue(error.getMessage().startsWith(checkpoint + ": expected a complete checkpoint"),
        error.getMessage());
    assertTrue(error.getMessage().endsWith("Delete that directory to resume from scratch, or train"
        + " without --resume"), error.getMessage());
    assertFalse(error.getMessage().contains("null"), error.getMessage());
  }

  @Test
  void randomBytesForParametersAreRefusedWhenLoaded() throws IOException {
    trainer(Architectures.MLP, config(1, 1e-3f), out).train(false, false);
    Path model = out.resolve("models/mlp");
    // Without params.json, in a model saved before it was written (key.json of format 1.0), the
    // bytes reach DJL's loader.
    Files.delete(model.resolve(OutputLayout.PARAMS_PROVENANCE_FILE));
    Path key = model.resolve(OutputLayout.KEY_FILE);
    Files.writeString(key, Files.readString(key).replace("\"1.1\"", "\"1.0\""));
    Files.write(model.resolve("mlp-0001.params"), new java.util.Random(5).ints(4096)
        .collect(java.io.ByteArrayOutputStream::new, (bytes, i) -> bytes.write(i), (a, b) -> { })
        .toByteArray());

    IOException error = assertThrows(IOException.class,
        () -> ModelFiles.in(model).loadDjlModel(ai.djl.Device.cpu()).close());

    assertTrue(error.getMessage().startsWith(model + ": expected DJL parameters mlp-NNNN.params"
        + " matching arch.json"), error.getMessage());
    assertTrue(error.getMessage().endsWith("Train it again: archbench train --arch mlp --force"),
        error.getMessage());
  }

  @Test
  void sameSeedTwiceGivesTheSameValidationAccuracy() throws IOException {
    TrainingReport first = trainer(Architectures.CNN, config(1, 1e-3f), out.resolve("a"))
        .train(false, false).report();
    TrainingReport second = trainer(Architectures.CNN, config(1, 1e-3f), out.resolve("b"))
        .train(false, false).report();

    assertEquals(first.epochs().get(0).validationAccuracy(), second.epochs().get(0).validationAccuracy());
    assertEquals(first.epochs().get(0).trainLoss(), second.epochs().get(0).trainLoss());
  }

  @Test
  void aHugeLearningRateStopsWithTheEpochAndBatch() {
    TrainingDivergedException error = assertThrows(TrainingDivergedException.class,
        () -> trainer(Architectures.MLP, config(1, 1e30f), out).train(false, false));

    assertTrue(error.getMessage().matches("(?s)mlp: the loss became (NaN|Infinity) at epoch 1, batch \\d+ of 8.*"),
        error.getMessage());
    assertTrue(error.getMessage().contains("Lower --lr"), error.getMessage());
  }

  @Test
  void gpuWithoutAGpuFailsAtOnce() {
    assumeTrue(Engine.getEngine(ModelTrainer.ENGINE).getGpuCount() == 0, "this machine has a GPU");
    TrainingConfig gpu = new TrainingConfig(1, 64, 1e-3f, 0, LossFunction.CROSS_ENTROPY,
        LearningRateSchedule.COSINE, Augmentation.NONE, 512, 7, ComputeDevice.GPU, Transfer.NONE,
            LongTail.BALANCED, ClassSubset.ALL);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> trainer(Architectures.MLP, gpu, out).train(false, false));

    assertTrue(error.getMessage().startsWith("--device gpu: expected a CUDA GPU"), error.getMessage());
  }

  @Test
  void softmaxMseTrainsToo() throws IOException {
    TrainingConfig mse = new TrainingConfig(2, 64, 1e-3f, 0, LossFunction.SOFTMAX_MSE,
        LearningRateSchedule.ONE_CYCLE, new Augmentation(2, true), 512, 7, ComputeDevice.CPU, Transfer.NONE,
            LongTail.BALANCED, ClassSubset.ALL);

    TrainingReport report = trainer(Architectures.MLP, mse, out).train(false, false).report();

    assertTrue(report.epochs().get(1).trainLoss() < report.epochs().get(0).trainLoss());
    try (Stream<Path> files = Files.list(out.resolve("models/mlp"))) {
      assertEquals(List.of("arch.json", "key.json", "mlp-0002.params", "params.json"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
  }
}
