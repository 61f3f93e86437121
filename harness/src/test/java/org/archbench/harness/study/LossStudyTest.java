package org.archbench.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.archbench.harness.ReportFixtures;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.training.ModelTrainer;
import org.archbench.harness.training.SyntheticData;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.study.LossReport;
import org.archbench.schema.training.EpochRecord;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.TrainingReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loss study end to end on synthetic data: the other loss trained alike, both tested, reuse. */
class LossStudyTest {

  private static final LoadedDataset DATA = SyntheticData.dataset(1000, 200);

  @TempDir Path out;

  @Test
  void trainsTheOtherLossWithTheSameConfigAndComparesBothOnTheTestSet() throws IOException {
    OutputLayout layout = new OutputLayout(out);
    ModelTrainer.Outcome crossEntropy = new ModelTrainer(Architectures.MLP,
        StudyFixtures.trainStage(LossFunction.CROSS_ENTROPY), DATA, layout).train(false, false);
    LossStudy study = new LossStudy(layout, DATA, EngineSettings.cpuDefaults());

    LossReport report = study.run("mlp");

    assertEquals(List.of("cross-entropy", "softmax-mse"),
        report.runs().stream().map(LossReport.Run::loss).toList());
    TrainingKey otherKey = JsonFiles.read(layout.lossRun("softmax-mse").modelDirectory("mlp")
        .resolve(OutputLayout.KEY_FILE), TrainingKey.class);
    assertEquals(crossEntropy.report().key().config().withLoss(LossFunction.SOFTMAX_MSE),
        otherKey.config(), "the same config but for the loss");
    LossReport.Run first = report.runs().get(0);
    assertEquals(crossEntropy.report().epochs().stream()
        .map(EpochRecord::validationAccuracy).toList(), first.validationAccuracy());
    TrainingReport other = JsonFiles.read(
        layout.lossRun("softmax-mse").trainingReport("mlp"), TrainingReport.class);
    assertEquals(other.epochs().stream().map(EpochRecord::validationAccuracy).toList(),
        report.runs().get(1).validationAccuracy());
    assertEquals(200, first.test().testImages());
    assertEquals(first.test().accuracy(), report.comparison().firstAccuracy(), 1e-12);
    assertEquals(report.runs().get(1).test().accuracy(), report.comparison().secondAccuracy(),
        1e-12);
    assertFalse(report.runs().get(1).reused());
    assertEquals(report, JsonFiles.read(layout.loss("mlp"), LossReport.class));
    ReportFixtures.assertFitsFixture(layout.loss("mlp"), LossReport.class, "loss/mlp.json");

    assertTrue(study.run("mlp").runs().get(1).reused());
  }

  @Test
  void aTrainStageModelTrainedWithTheOtherLossIsRefused() throws IOException {
    OutputLayout layout = new OutputLayout(out);
    new ModelTrainer(Architectures.MLP, StudyFixtures.trainStage(LossFunction.SOFTMAX_MSE), DATA,
        layout).train(false, false);

    IOException refused = assertThrows(IOException.class,
        () -> new LossStudy(layout, DATA, EngineSettings.cpuDefaults()).run("mlp"));

    assertTrue(refused.getMessage().contains("expected the train stage's model trained with"
        + " cross-entropy, found one trained with SOFTMAX_MSE"), refused.getMessage());
  }
}
