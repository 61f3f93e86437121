package org.archbench.harness.imbalance;

import org.archbench.harness.engine.Engines;
import org.archbench.schema.imbalance.ImbalanceReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.engine.EngineKind;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.evaluation.ConfusionMatrix;
import org.archbench.harness.evaluation.TestPredictions;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.training.LongTail;
import org.archbench.harness.model.ModelStore;
import org.archbench.harness.training.ModelTrainer;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.harness.training.TrainingSet;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.ArchitectureSpecJson;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.training.TrainingReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class-imbalance study of one architecture: it trains the architecture on each long-tailed
 * setting with the balanced model's own training config (so only the class distribution and the
 * mitigation differ, and the epochs where the study trains a share of them), tests every model on
 * the balanced test set, and writes imbalance/&lt;arch&gt;.json after each setting.
 *
 * <p>Each setting trains into a layout of its own (imbalance/runs/&lt;setting&gt;/), so its model is
 * reused by a later run with the same key and an interrupted training resumes from its checkpoint.
 */
public final class ImbalanceStudy {

  /** The engine that trained the models runs their test images: no export needed. */
  public static final EngineKind ENGINE = Engines.byId(Engines.TRAINING_ENGINE);

  private static final Logger LOG = LoggerFactory.getLogger(ImbalanceStudy.class);

  private static final int RAREST = 3;

  private final OutputLayout layout;
  private final LoadedDataset data;
  private final EngineSettings settings;

  public ImbalanceStudy(OutputLayout layout, LoadedDataset data, EngineSettings settings) {
    this.layout = layout;
    this.data = data;
    this.settings = settings;
  }

  /**
   * Runs every setting of {@code longTails} for {@code arch}, each for {@code epochShare} of the
   * balanced model's epochs ({@link #epochs}).
   *
   * @throws IOException if the balanced model is missing or was trained on another dataset
   */
  public ImbalanceReport run(String arch, List<LongTail> longTails, double epochShare)
      throws IOException {
    TrainingConfig config = new ModelStore(layout.modelDirectory(arch))
        .studiedConfig(data.fingerprint(), "the imbalance study");
    ModelFiles balancedFiles = ModelFiles.in(layout.modelDirectory(arch));
    ArchitectureSpec spec = balancedFiles.spec();
    Optional<ImbalanceReport.TestFigures> evaluated = evaluated(arch, spec);
    ImbalanceReport.TestFigures balanced =
        evaluated.isPresent() ? evaluated.get() : test(balancedFiles);

    int epochs = epochs(config.epochs(), epochShare);
    List<ImbalanceReport.Run> runs = new ArrayList<>();
    for (LongTail longTail : longTails) {
      TrainingConfig imbalanced = config.withLongTail(longTail).withEpochs(epochs);
      OutputLayout runLayout = layout.imbalanceRun(longTail.id());
      // The study reads each model's test figures, never its learning curve.
      ModelTrainer.Outcome outcome = new ModelTrainer(spec, imbalanced, data, runLayout)
          .validatingLastEpochOnly().train(true, false);
      ImbalanceReport.TestFigures figures = figures(outcome.testPredictions(ENGINE,
          ModelFiles.in(runLayout.modelDirectory(arch)), settings, data.test()).matrix());
      TrainingSet trainingSet = TrainingSet.of(data.train(),
          data.trainValidationSplit(imbalanced.seed()).trainIndices(), spec.classes(), imbalanced);
      runs.add(run(longTail, trainingSet, figures, balanced, outcome));
      JsonFiles.write(layout.imbalance(arch), report(arch, config, balanced, runs));
    }
    ImbalanceReport report = report(arch, config, balanced, runs);
    JsonFiles.write(layout.imbalance(arch), report);
    return report;
  }

  private ImbalanceReport report(String arch, TrainingConfig config,
      ImbalanceReport.TestFigures balanced, List<ImbalanceReport.Run> runs) {
    return new ImbalanceReport(arch, ENGINE.id(), data.classNames(), config, balanced,
        List.copyOf(runs), Instant.now().toString());
  }

  private static ImbalanceReport.Run run(LongTail longTail, TrainingSet trainingSet,
      ImbalanceReport.TestFigures figures, ImbalanceReport.TestFigures balanced,
      ModelTrainer.Outcome outcome) {
    int[] counts = trainingSet.classCounts();
    List<Integer> rarest = rarest(counts, RAREST);
    double meanRecallOfRarest =
        rarest.stream().mapToDouble(c -> figures.perClassRecall().get(c)).average().orElse(0);
    return new ImbalanceReport.Run(longTail.id(), longTail.profile().id(),
        longTail.mitigation().id(), longTail.beta(), boxed(trainingSet.tailOrder()), boxed(counts),
        rarest, figures, meanRecallOfRarest, balanced.accuracy() - figures.accuracy(),
        balanced.macroF1() - figures.macroF1(),
        balanced.minimumClassRecall() - figures.minimumClassRecall(),
        outcome.report().totalTrainSeconds(), outcome.reused(),
        outcome.report().key().config().epochs());
  }

  /**
   * The epochs of a long-tailed training beside a balanced model trained for
   * {@code balancedEpochs}: {@code share} of them, rounded up. Below 1 the drop holds under-fitting
   * as well as imbalance: resnet, balanced at 10 epochs, dropped 21.4 points at exp-rho100 after
   * 5 of them against 14.5 after all 10, so every preset trains as many (share 1).
   */
  public static int epochs(int balancedEpochs, double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "expected an epoch share above 0 and at most 1, found " + share);
    }
    return Math.max(1, (int) Math.ceil(balancedEpochs * share - 1e-9));
  }

  /** The {@code limit} classes with the fewest images, rarest first (ties by class index). */
  static List<Integer> rarest(int[] counts, int limit) {
    return IntStream.range(0, counts.length).boxed()
        .sorted(Comparator.<Integer>comparingInt(c -> counts[c]).thenComparingInt(c -> c))
        .limit(limit)
        .toList();
  }

  /**
   * The balanced model's test figures from eval/&lt;arch&gt;.json, when evaluate ran it on this
   * study's engine: the same images through the same engine, so a second pass would only repeat the
   * matrix. An evaluation counts only if it is of this very model (same spec, dataset and final
   * accuracies as training/&lt;arch&gt;.json); an unreadable one is passed over, saying so.
   */
  private Optional<ImbalanceReport.TestFigures> evaluated(String arch, ArchitectureSpec spec) {
    Path file = layout.evaluation(arch);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      EvaluationReport evaluation = JsonFiles.read(file, EvaluationReport.class);
      TrainingReport training = JsonFiles.read(layout.trainingReport(arch), TrainingReport.class);
      boolean sameModel = evaluation.specSha256().equals(ArchitectureSpecJson.sha256(spec))
          && evaluation.datasetSha256().equals(data.fingerprint())
          && evaluation.training().equals(training.result());
      if (!sameModel) {
        LOG.info("{}: {} is of another model; testing the balanced model again", arch, file);
        return Optional.empty();
      }
      return evaluation.engine(ENGINE.id(), ModelVariantIds.FLOAT32)
          .map(engine -> figures(ConfusionMatrix.ofCounts(engine.confusionMatrix())));
    } catch (IOException | IllegalArgumentException unreadable) {
      LOG.warn("{}: {} could not be used ({}); testing the balanced model again", arch, file,
          unreadable.getMessage());
      return Optional.empty();
    }
  }

  private ImbalanceReport.TestFigures test(ModelFiles files) throws IOException {
    return figures(TestPredictions.of(ENGINE, files, settings, data.test()).matrix());
  }

  static ImbalanceReport.TestFigures figures(ConfusionMatrix matrix) {
    double[] recall = IntStream.range(0, matrix.classes()).mapToDouble(matrix::recall).toArray();
    return new ImbalanceReport.TestFigures(matrix.accuracy(), matrix.macroF1(),
        Arrays.stream(recall).boxed().toList(), Arrays.stream(recall).min().orElse(0));
  }

  private static List<Integer> boxed(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
