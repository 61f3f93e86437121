package org.archbench.harness.study;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.Engines;
import org.archbench.harness.evaluation.PairwiseSignificance;
import org.archbench.harness.evaluation.TestPredictions;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelStore;
import org.archbench.harness.training.ModelTrainer;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.study.LossReport;
import org.archbench.schema.training.EpochRecord;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.TrainingReport;

/**
 * Mean squared error on the softmax against cross-entropy, for one architecture: the train stage's
 * model is the cross-entropy one; the other trains with {@link LossFunction#SOFTMAX_MSE} and
 * otherwise the very same config (seed, epochs, schedule, augmentation), into loss/runs/softmax-mse/,
 * where a later run reuses it. Both are tested on the whole test set and compared by McNemar;
 * their validation accuracy per epoch is the convergence curve.
 */
public final class LossStudy {

  /** The engine that trained the models runs their test images: no export needed. */
  public static final EngineKind ENGINE = Engines.byId(Engines.TRAINING_ENGINE);

  /** The loss set against the train stage's cross-entropy. */
  public static final LossFunction OTHER = LossFunction.SOFTMAX_MSE;

  private final OutputLayout layout;
  private final LoadedDataset data;
  private final EngineSettings settings;

  public LossStudy(OutputLayout layout, LoadedDataset data, EngineSettings settings) {
    this.layout = layout;
    this.data = data;
    this.settings = settings;
  }

  /**
   * Trains {@code arch} with {@link #OTHER}, and compares it with the train stage's model.
   *
   * @throws IOException if the train stage's model or its training report is missing, or the model
   *     was not trained with cross-entropy on this dataset
   */
  public LossReport run(String arch) throws IOException {
    TrainingConfig crossEntropy = new ModelStore(layout.modelDirectory(arch))
        .studiedConfig(data.fingerprint(), "the loss study");
    if (crossEntropy.loss() != LossFunction.CROSS_ENTROPY) {
      throw new IOException(layout.modelDirectory(arch) + ": expected the train stage's model"
          + " trained with cross-entropy, found one trained with " + crossEntropy.loss() + ": train "
          + arch + " again without --loss before the loss study");
    }
    if (!Files.isRegularFile(layout.trainingReport(arch))) {
      throw new IOException(layout.trainingReport(arch) + ": expected the training report of the"
          + " model in " + layout.modelDirectory(arch) + ", found none: train " + arch + " again"
          + " (archbench train --arch " + arch + " --force)");
    }
    TrainingReport crossEntropyReport =
        JsonFiles.read(layout.trainingReport(arch), TrainingReport.class);
    ModelFiles crossEntropyModel = ModelFiles.in(layout.modelDirectory(arch));

    OutputLayout run = layout.lossRun(id(OTHER));
    ModelTrainer.Outcome other =
        new ModelTrainer(crossEntropyModel.spec(), crossEntropy.withLoss(OTHER), data, run)
            .train(true, false);

    Map<String, boolean[]> correct = new LinkedHashMap<>();
    TestPredictions first = TestPredictions.of(ENGINE, crossEntropyModel, settings, data.test());
    TestPredictions second = other.testPredictions(ENGINE,
        ModelFiles.in(run.modelDirectory(arch)), settings, data.test());
    correct.put(id(LossFunction.CROSS_ENTROPY), first.correct());
    correct.put(id(OTHER), second.correct());
    LossReport report = new LossReport(arch, ENGINE.id(), List.of(
        run(LossFunction.CROSS_ENTROPY, first, crossEntropyReport, true),
        run(OTHER, second, other.report(), other.reused())),
        PairwiseSignificance.test(correct).get(0), Instant.now().toString());
    JsonFiles.write(layout.loss(arch), report);
    return report;
  }

  private static LossReport.Run run(LossFunction loss, TestPredictions predictions,
      TrainingReport training, boolean reused) {
    List<EpochRecord> epochs = training.epochs();
    return new LossReport.Run(id(loss), predictions.accuracy(),
        epochs.stream().map(EpochRecord::validationAccuracy).toList(),
        epochs.stream().map(EpochRecord::trainLoss).toList(), training.totalTrainSeconds(), reused);
  }

  /** The loss as a file name and a McNemar side: {@code softmax-mse}. */
  public static String id(LossFunction loss) {
    return loss.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
