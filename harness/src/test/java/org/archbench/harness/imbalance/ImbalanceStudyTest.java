package org.archbench.harness.imbalance;

import org.archbench.harness.ReportFixtures;
import org.archbench.schema.imbalance.ImbalanceReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.harness.evaluation.ConfusionMatrix;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.training.ImbalanceProfile;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.Mitigation;
import org.archbench.harness.training.ModelTrainer;
import org.archbench.harness.training.SyntheticData;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.Transfer;
import org.archbench.models.spec.Architectures;
import org.archbench.models.spec.ArchitectureSpecJson;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.training.FinalAccuracy;
import org.archbench.schema.training.TrainingReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long-tail study end to end on synthetic data: balanced model, two settings, reuse. */
class ImbalanceStudyTest {

  private static final ImbalanceProfile RHO_10 =
      new ImbalanceProfile(ImbalanceProfile.Shape.EXPONENTIAL, 10);

  @TempDir Path out;

  @Test
  void trainsEachSettingWithTheBalancedConfigForItsShareOfEpochsAndReusesItsModels()
      throws IOException {
    LoadedDataset data = SyntheticData.dataset(1000, 200);
    OutputLayout layout = new OutputLayout(out);
    TrainingConfig balanced = trainBalanced(data, layout, 2);
    ImbalanceStudy study = new ImbalanceStudy(layout, data, EngineSettings.cpuDefaults());
    List<LongTail> settings =
        List.of(LongTail.of(RHO_10, Mitigation.NONE), LongTail.of(RHO_10, Mitigation.REWEIGHT));

    ImbalanceReport report = study.run("mlp", settings, 0.5);

    assertEquals(balanced, report.config());
    // Half of the balanced model's two epochs, in the report and in the training itself.
    assertEquals(1, report.runs().get(0).epochs());
    assertEquals(1, report.epochsOf(report.runs().get(1)));
    assertEquals(balanced.withLongTail(settings.get(0)).withEpochs(1), JsonFiles.read(
        layout.imbalanceRun("exp-rho10-none").trainingReport("mlp"), TrainingReport.class)
        .key().config());
    assertEquals(List.of("exp-rho10-none", "exp-rho10-reweight"),
        report.runs().stream().map(ImbalanceReport.Run::id).toList());
    ImbalanceReport.Run none = report.runs().get(0);
    // The split keeps 90 images of each class; the profile scales that down to 9 at the tail.
    int[] expected = RHO_10.counts(90, 10);
    for (int rank = 0; rank < 10; rank++) {
      assertEquals(expected[rank], none.trainCounts().get(none.tailOrder().get(rank)));
    }
    List<Integer> order = none.tailOrder();
    assertEquals(List.of(order.get(9), order.get(8), order.get(7)), none.rarestClasses());
    assertEquals(report.balanced().accuracy() - none.test().accuracy(), none.accuracyDrop(), 1e-12);
    assertEquals(none.rarestClasses().stream()
            .mapToDouble(c -> none.test().perClassRecall().get(c)).average().orElseThrow(),
        none.meanRecallOfRarest(), 1e-12);
    assertFalse(none.reused());
    assertEquals(report, JsonFiles.read(layout.imbalance("mlp"), ImbalanceReport.class));
    ReportFixtures.assertFitsFixture(layout.imbalance("mlp"), ImbalanceReport.class,
        "imbalance/mlp.json");

    ImbalanceReport again = study.run("mlp", settings, 0.5);

    assertTrue(again.runs().stream().allMatch(ImbalanceReport.Run::reused));
    assertEquals(none.test(), again.runs().get(0).test());
  }

  @Test
  void theBalancedFiguresComeFromTheEvaluationOfTheSameModelOnly() throws IOException {
    LoadedDataset data = SyntheticData.dataset(1000, 200);
    OutputLayout layout = new OutputLayout(out);
    trainBalanced(data, layout, 1);
    TrainingReport training = JsonFiles.read(layout.trainingReport("mlp"), TrainingReport.class);
    // No model predicts this: every class right 20 times, and class 0 taken for class 1 five times.
    long[][] evaluated = new long[10][10];
    for (int c = 0; c < 10; c++) {
      evaluated[c][c] = 20;
    }
    evaluated[0][1] = 5;
    ImbalanceStudy study = new ImbalanceStudy(layout, data, EngineSettings.cpuDefaults());
    List<LongTail> setting = List.of(LongTail.of(RHO_10, Mitigation.NONE));

    writeEvaluation(layout, data, training.result(), evaluated);
    ImbalanceReport fromEvaluation = study.run("mlp", setting, 1);
    writeEvaluation(layout, data, new FinalAccuracy(0.5, 0.5, 0.5, 0, 1, 6000), evaluated);
    ImbalanceReport ofAnotherModel = study.run("mlp", setting, 1);

    ImbalanceReport.TestFigures expected = ImbalanceStudy.figures(ConfusionMatrix.ofCounts(evaluated));
    assertEquals(expected, fromEvaluation.balanced());
    assertEquals(20.0 / 25, fromEvaluation.balanced().minimumClassRecall(), 1e-12);
    assertNotEquals(expected, ofAnotherModel.balanced(), "tested again, not taken from the file");
  }

  /** Trains the balanced mlp the study starts from, for {@code epochs}; returns its config. */
  private static TrainingConfig trainBalanced(LoadedDataset data, OutputLayout layout, int epochs)
      throws IOException {
    TrainingConfig balanced = new TrainingConfig(epochs, 64, 1e-3f, 0, LossFunction.CROSS_ENTROPY,
        LearningRateSchedule.COSINE, Augmentation.NONE, 0, 5, ComputeDevice.CPU, Transfer.NONE,
        LongTail.BALANCED, ClassSubset.ALL);
    new ModelTrainer(Architectures.MLP, balanced, data, layout).train(false, false);
    return balanced;
  }

  /** eval/mlp.json as evaluate writes it (the report's fixture), of the model trained here. */
  private static void writeEvaluation(OutputLayout layout, LoadedDataset data,
      FinalAccuracy training, long[][] pytorchMatrix) throws IOException {
    EvaluationReport fixture = JsonFiles.read(
        Path.of("../reports/src/test/resources/fixture-run/eval/mlp.json"), EvaluationReport.class);
    List<EngineEvaluation> engines = fixture.engines().stream()
        .map(e -> new EngineEvaluation(e.engine(), e.variant(), e.version(), e.settings(),
            e.images(), e.accuracy(), e.accuracyLower95(), e.accuracyUpper95(), e.macroF1(),
            e.negativeLogLikelihood(), e.expectedCalibrationError(), e.brierScore(), e.perClass(),
            e.engine().equals(ImbalanceStudy.ENGINE.id()) ? pytorchMatrix : e.confusionMatrix(),
            e.commonMixUps(), e.predictionsFile(), e.model(), e.predictionsSha256()))
        .toList();
    JsonFiles.write(layout.evaluation("mlp"), new EvaluationReport("mlp",
        ArchitectureSpecJson.sha256(Architectures.MLP), data.fingerprint(), training,
        fixture.convergence(), fixture.cost(), engines, fixture.agreement(),
        fixture.againstFloat32(), fixture.notSupported(), fixture.archbenchVersion(),
        fixture.gitCommit(), fixture.createdAt()));
  }

  @Test
  void withoutTheBalancedModelItSaysToTrainFirst() {
    OutputLayout layout = new OutputLayout(out);
    ImbalanceStudy study =
        new ImbalanceStudy(layout, SyntheticData.dataset(100, 10), EngineSettings.cpuDefaults());

    IOException error = assertThrows(IOException.class,
        () -> study.run("cnn", List.of(LongTail.of(RHO_10, Mitigation.NONE)), 1));

    assertTrue(error.getMessage().endsWith("key.json: expected the key of a trained model, found no"
        + " such file. Train first (archbench train --arch <id>)."), error.getMessage());
  }

  @Test
  void figuresComeFromTheConfusionMatrix() {
    ConfusionMatrix matrix =
        ConfusionMatrix.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 0, 1, 0, 0, 0}, 3);

    ImbalanceReport.TestFigures figures = ImbalanceStudy.figures(matrix);

    assertEquals(0.5, figures.accuracy(), 1e-12);
    assertEquals(List.of(1.0, 0.5, 0.0), figures.perClassRecall());
    assertEquals(0.0, figures.minimumClassRecall());
  }

  @Test
  void rarestClassesAreTheSmallestCountsWithTiesByIndex() {
    assertEquals(List.of(3, 1, 4), ImbalanceStudy.rarest(new int[] {50, 10, 30, 5, 10}, 3));
  }
}
