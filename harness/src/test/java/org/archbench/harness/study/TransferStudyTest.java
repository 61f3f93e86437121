package org.archbench.harness.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.archbench.harness.ReportFixtures;
import org.archbench.harness.data.IdxDatasets;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.training.ModelTrainer;
import org.archbench.harness.training.SyntheticData;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.stats.SignificancePair;
import org.archbench.schema.study.TransferReport;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.Transfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transfer study end to end on synthetic data: pretraining, three regimes, tests, reuse. */
class TransferStudyTest {

  private static final LoadedDataset DATA = SyntheticData.dataset(1000, 200);

  @TempDir Path out;

  @Test
  void pretrainsOnTheSourceHalfAndTrainsTheTargetHalfThreeWays() throws IOException {
    OutputLayout layout = new OutputLayout(out);
    TrainingConfig trainStage = StudyFixtures.trainStage(LossFunction.CROSS_ENTROPY);
    new ModelTrainer(Architectures.CNN, trainStage, DATA, layout).train(false, false);
    TransferStudy study = new TransferStudy(layout, DATA, EngineSettings.cpuDefaults());
    TransferPlan plan = new TransferPlan(1, List.of(new TransferPlan.LabelBudget(20, 2)));

    TransferReport report = study.run("cnn", plan);

    List<String> names = IdxDatasets.FASHION_MNIST.classNames();
    assertEquals(List.of(0, 1, 2, 5, 8).stream().map(names::get).toList(), report.sourceClasses());
    assertEquals(List.of(3, 4, 6, 7, 9).stream().map(names::get).toList(), report.targetClasses());
    assertEquals(List.of(0, 1, 2, 5, 8), report.source().config().classSubset().classes());
    assertEquals(1, report.source().config().epochs());
    // 20 test images per class, 5 classes: the source half's test images alone.
    assertEquals(100, report.source().test().testImages());
    assertTrue(report.source().test().accuracy() > 0.5, "the source task was learnt");

    TransferReport.LabelBudget budget = report.budgets().get(0);
    assertEquals(100, budget.trainImages(), "20 labelled images of each of 5 classes");
    assertEquals(List.of(TransferReport.SCRATCH, TransferReport.FROZEN, TransferReport.FINE_TUNED),
        budget.regimes().stream().map(TransferReport.Regime::id).toList());
    Transfer scratch = budget.regimes().get(0).config().transfer();
    Transfer frozen = budget.regimes().get(1).config().transfer();
    Transfer fineTuned = budget.regimes().get(2).config().transfer();
    assertTrue(scratch.isNone());
    assertEquals(2, budget.regimes().get(1).config().epochs());
    assertTrue(frozen.freezeFeatures());
    assertEquals(0, frozen.fineTuneEpochs());
    assertEquals(1, budget.regimes().get(2).config().epochs());
    assertEquals(1, fineTuned.fineTuneEpochs());
    assertEquals(trainStage.learningRate() * TransferPlan.FINE_TUNE_RATE_FACTOR,
        fineTuned.fineTuneLearningRate(), 1e-9);
    assertEquals(layout.transferRun("cnn", "source").modelDirectory("cnn").toString(),
        frozen.initFrom());
    for (TransferReport.Regime regime : budget.regimes()) {
      assertEquals(List.of(3, 4, 6, 7, 9), regime.config().classSubset().classes());
      assertEquals(20, regime.config().classSubset().imagesPerClass());
      assertEquals(100, regime.test().testImages(), "the target half's test images");
      assertTrue(regime.test().accuracyLower95() <= regime.test().accuracy()
          && regime.test().accuracy() <= regime.test().accuracyUpper95());
      assertFalse(regime.reused());
    }
    assertEquals(List.of("scratch/frozen", "scratch/fine-tuned", "frozen/fine-tuned"),
        budget.comparisons().stream().map(p -> p.first() + "/" + p.second()).toList());
    for (SignificancePair pair : budget.comparisons()) {
      assertTrue(pair.holmPValue() >= pair.pValue());
    }
    assertEquals(report, JsonFiles.read(layout.transfer("cnn"), TransferReport.class));
    ReportFixtures.assertFitsFixture(layout.transfer("cnn"), TransferReport.class,
        "transfer/cnn.json");

    TransferReport again = study.run("cnn", plan);

    assertTrue(again.source().reused());
    assertTrue(again.budgets().get(0).regimes().stream().allMatch(TransferReport.Regime::reused));
    assertEquals(budget.regimes().get(2).test(), again.budgets().get(0).regimes().get(2).test());
  }

  @Test
  void anArchitectureWithoutFeatureLayersIsRefusedBeforeAnyTraining() throws IOException {
    OutputLayout layout = new OutputLayout(out);
    new ModelTrainer(Architectures.MLP, StudyFixtures.trainStage(LossFunction.CROSS_ENTROPY), DATA,
        layout).train(false, false);
    TransferStudy study = new TransferStudy(layout, DATA, EngineSettings.cpuDefaults());

    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
        study.run("mlp", new TransferPlan(1, List.of(new TransferPlan.LabelBudget(20, 2)))));

    assertTrue(refused.getMessage().contains("'mlp', whose first layer is its head"),
        refused.getMessage());
    assertFalse(java.nio.file.Files.exists(layout.transferReports()));
  }
}
