package org.archbench.harness.study;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.Engines;
import org.archbench.harness.evaluation.PairwiseSignificance;
import org.archbench.harness.evaluation.TestPredictions;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelStore;
import org.archbench.harness.training.Backbone;
import org.archbench.harness.training.ModelTrainer;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.study.TestAccuracy;
import org.archbench.schema.study.TransferReport;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.Transfer;

/**
 * The transfer-learning study of one architecture. The dataset's classes split into a source and a
 * target half ({@code IdxDataset#transferSource}); the architecture is pretrained on the source
 * half, so that what it learnt was never learnt on the classes it is then tested on (pretraining
 * on the target task would measure nothing). At each label budget it then trains on the target
 * half three ways with the same epochs: from scratch, the pretrained base frozen under a new head,
 * and frozen then fine-tuned at a tenth of the learning rate. Every model keeps the train stage's
 * config of the architecture but for its classes, epochs and transfer.
 *
 * <p>Each model trains into a run of its own (transfer/runs/&lt;arch&gt;/&lt;model&gt;/), so it is
 * reused by a later run with the same key, and an interrupted training resumes; transfer/&lt;arch&gt;.json
 * is rewritten after each label budget.
 */
public final class TransferStudy {

  /** The engine that trained the models runs their test images: no export needed. */
  public static final EngineKind ENGINE = Engines.byId(Engines.TRAINING_ENGINE);

  private final OutputLayout layout;
  private final LoadedDataset data;
  private final EngineSettings settings;

  public TransferStudy(OutputLayout layout, LoadedDataset data, EngineSettings settings) {
    this.layout = layout;
    this.data = data;
    this.settings = settings;
  }

  /**
   * Pretrains {@code arch} on the source classes and runs every label budget of {@code plan}.
   *
   * @throws IOException if the train stage's model of {@code arch} is missing or was trained on
   *     another dataset
   * @throws IllegalArgumentException if the architecture has no feature layers to transfer, or a
   *     half of the classes has fewer than two
   */
  public TransferReport run(String arch, TransferPlan plan) throws IOException {
    TrainingConfig base = new ModelStore(layout.modelDirectory(arch))
        .studiedConfig(data.fingerprint(), "the transfer study");
    ArchitectureSpec trained = ModelFiles.in(layout.modelDirectory(arch)).spec();
    if (trained.featureLayerCount() == 0) {
      throw new IllegalArgumentException("transfer study: expected an architecture with feature"
          + " layers before its head, found '" + arch + "', whose first layer is its head: choose"
          + " a convolutional one (--arch vgg)");
    }
    if (data.dataset().transferTargetClasses().size() < 2
        || data.dataset().transferSourceClasses().size() < 2) {
      throw new IllegalArgumentException("transfer study: expected a dataset whose classes split"
          + " into two halves of two or more, found " + data.dataset().classCount() + " classes in "
          + data.dataset().id() + ": leave the transfer study out for it");
    }
    ClassSubset source = ClassSubset.of(data.dataset().transferSourceClasses());
    ClassSubset target = ClassSubset.of(data.dataset().transferTargetClasses());
    ArchitectureSpec sourceSpec = trained.withClasses(source.classes().size());
    ArchitectureSpec targetSpec = trained.withClasses(target.classes().size());
    LoadedDataset sourceTask = data.restrictedTo(source);
    LoadedDataset targetTask = data.restrictedTo(target);

    TrainingConfig sourceConfig = base.forTask(plan.pretrainEpochs(), source, Transfer.NONE);
    OutputLayout sourceRun = layout.transferRun(arch, "source");
    // The study reads each model's test accuracy, never its learning curve.
    ModelTrainer.Outcome pretrained = new ModelTrainer(sourceSpec, sourceConfig, data, sourceRun)
        .validatingLastEpochOnly().train(true, false);
    TestAccuracy sourceAccuracy = pretrained.testPredictions(ENGINE,
        ModelFiles.in(sourceRun.modelDirectory(arch)), settings, sourceTask.test()).accuracy();
    TransferReport.Source sourceFigures = new TransferReport.Source(sourceConfig, sourceAccuracy,
        pretrained.report().totalTrainSeconds(), pretrained.reused());

    List<TransferReport.LabelBudget> budgets = new ArrayList<>();
    TransferReport report = null;
    for (TransferPlan.LabelBudget budget : plan.budgets()) {
      budgets.add(budget(arch, targetSpec, targetTask, base, target, sourceRun, budget));
      report = report(arch, sourceTask, targetTask, sourceFigures, budgets);
      JsonFiles.write(layout.transfer(arch), report);
    }
    return report;
  }

  private TransferReport report(String arch, LoadedDataset sourceTask, LoadedDataset targetTask,
      TransferReport.Source source, List<TransferReport.LabelBudget> budgets) {
    return new TransferReport(arch, ENGINE.id(), sourceTask.classNames(), targetTask.classNames(),
        source, budgets, Instant.now().toString());
  }

  /** The three regimes at one label budget, and McNemar between each two. */
  private TransferReport.LabelBudget budget(String arch, ArchitectureSpec spec,
      LoadedDataset targetTask, TrainingConfig base, ClassSubset target, OutputLayout sourceRun,
      TransferPlan.LabelBudget budget) throws IOException {
    ClassSubset subset = target.withImagesPerClass(budget.imagesPerClass());
    float fineTuneRate = base.learningRate() * TransferPlan.FINE_TUNE_RATE_FACTOR;
    Map<String, TrainingConfig> configs = new LinkedHashMap<>();
    configs.put(TransferReport.SCRATCH, base.forTask(budget.epochs(), subset, Transfer.NONE));
    configs.put(TransferReport.FROZEN, base.forTask(budget.epochs(), subset,
        Backbone.transferFrom(sourceRun.modelDirectory(arch), true, 0, 0)));
    configs.put(TransferReport.FINE_TUNED, base.forTask(budget.frozenEpochs(), subset,
        Backbone.transferFrom(sourceRun.modelDirectory(arch), true,
            budget.epochs() - budget.frozenEpochs(), fineTuneRate)));

    List<TransferReport.Regime> regimes = new ArrayList<>();
    Map<String, boolean[]> correct = new LinkedHashMap<>();
    int trainImages = 0;
    for (Map.Entry<String, TrainingConfig> regime : configs.entrySet()) {
      OutputLayout run = layout.transferRun(arch, regime.getKey() + "-" + label(budget));
      ModelTrainer.Outcome outcome = new ModelTrainer(spec, regime.getValue(), data, run)
          .validatingLastEpochOnly().train(true, false);
      TestPredictions predictions = outcome.testPredictions(ENGINE,
          ModelFiles.in(run.modelDirectory(arch)), settings, targetTask.test());
      correct.put(regime.getKey(), predictions.correct());
      regimes.add(new TransferReport.Regime(regime.getKey(), regime.getValue(),
          predictions.accuracy(), outcome.report().totalTrainSeconds(), outcome.reused()));
      trainImages = outcome.report().trainImages();
    }
    return new TransferReport.LabelBudget(budget.imagesPerClass(), trainImages, regimes,
        PairwiseSignificance.test(correct));
  }

  /** The label budget in a run's directory name: {@code 100-per-class}, or {@code all}. */
  static String label(TransferPlan.LabelBudget budget) {
    return budget.imagesPerClass() == 0 ? "all" : budget.imagesPerClass() + "-per-class";
  }
}
