package org.archbench.harness.evaluation;

import org.archbench.models.complexity.Complexity;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.nio.file.Files;
import org.archbench.harness.engine.BatchedInference;
import org.archbench.schema.eval.Convergence;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.eval.ModelCost;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.archbench.harness.BuildInfo;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.engine.EngineKind;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.harness.engine.InferenceEngine;
import org.archbench.harness.engine.UnsupportedModelException;
import org.archbench.schema.engine.NotSupported;
import org.archbench.harness.model.ModelFiles;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.training.TrainingReport;
import org.archbench.models.spec.ArchitectureSpecJson;

/**
 * Evaluates one trained, exported architecture on the official test set with every engine, and
 * writes eval/&lt;arch&gt;.json and one predictions CSV per engine.
 */
public final class Evaluator {

  /** Confidence bins of the ECE (Guo et al. use 15). */
  public static final int CALIBRATION_BINS = 15;

  private static final int MIX_UPS = 5;

  private Evaluator() {}

  public static EvaluationReport evaluate(
      OutputLayout layout, String arch, LoadedDataset data, List<EngineKind> engines,
      EngineSettings settings) throws IOException {
    ModelFiles files = ModelFiles.in(layout.modelDirectory(arch));
    TrainingReport training = files.trainingReport(layout.trainingReport(arch));
    LabeledImages test = data.test();
    int classes = files.spec().classes();
    int[] labels = new int[test.count()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = test.label(i);
    }
    // Every engine runs before anything is written: a stage that fails leaves no new result.
    List<EngineKind> ran = new ArrayList<>();
    List<float[]> logitsPerEngine = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    List<NotSupported> notSupported = new ArrayList<>();
    for (EngineKind kind : engines) {
      try (InferenceEngine engine = kind.open(files, settings)) {
        logitsPerEngine.add(BatchedInference.logits(engine, test, classes));
        versions.add(engine.version());
        ran.add(kind);
      } catch (UnsupportedModelException e) {
        notSupported.add(e.notSupported());
      }
    }
    if (ran.isEmpty()) {
      throw new IOException(arch + ": expected an engine that runs the model, found none of "
          + engines.stream().map(EngineKind::id).toList() + ": "
          + notSupported.stream().map(NotSupported::cell).toList());
    }
    List<EngineEvaluation> evaluations = new ArrayList<>();
    for (int e = 0; e < ran.size(); e++) {
      EngineKind kind = ran.get(e);
      float[] probabilities = softmax(logitsPerEngine.get(e), classes);
      Path predictions = layout.predictions(arch, kind.id());
      PredictionsFile.write(predictions, labels, probabilities, classes);
      evaluations.add(
          evaluation(kind, versions.get(e), settings, labels, probabilities, classes,
              data.classNames(), layout.root().relativize(predictions).toString()));
    }
    EvaluationReport report =
        new EvaluationReport(arch, ArchitectureSpecJson.sha256(files.spec()), data.fingerprint(),
            training.result(), Convergence.of(training.epochs()), costOf(files), evaluations,
            BatchedInference.agreement(logitsPerEngine, classes), notSupported, BuildInfo.version(),
            BuildInfo.gitCommit(), Instant.now().toString());
    JsonFiles.write(layout.evaluation(arch), report);
    return report;
  }

  static EngineEvaluation evaluation(
      EngineKind kind, String version, EngineSettings settings, int[] labels, float[] probabilities,
      int classes, List<String> classNames, String predictionsFile) {
    int[] predicted = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      predicted[i] = BatchedInference.argmax(probabilities, i, classes);
    }
    ConfusionMatrix matrix = ConfusionMatrix.of(labels, predicted, classes);
    Wilson.Interval interval = Wilson.interval(matrix.correct(), matrix.total(), 0.95);
    List<EngineEvaluation.ClassMetrics> perClass = new ArrayList<>();
    long[][] counts = matrix.counts();
    for (int c = 0; c < classes; c++) {
      long support = 0;
      for (long count : counts[c]) {
        support += count;
      }
      perClass.add(new EngineEvaluation.ClassMetrics(c, classNames.get(c), support,
          matrix.precision(c), matrix.recall(c), matrix.f1(c)));
    }
    List<EngineEvaluation.MixUp> mixUps =
        matrix.commonMixUps(MIX_UPS).stream()
            .map(pair -> new EngineEvaluation.MixUp(classNames.get(pair.first()),
                classNames.get(pair.second()), pair.count()))
            .toList();
    return new EngineEvaluation(kind.id(), version, settings, labels.length, matrix.accuracy(),
        interval.lower(), interval.upper(), matrix.macroF1(),
        ProbabilisticMetrics.negativeLogLikelihood(probabilities, labels, classes),
        ProbabilisticMetrics.expectedCalibrationError(probabilities, labels, classes, CALIBRATION_BINS),
        ProbabilisticMetrics.brierScore(probabilities, labels, classes),
        perClass, counts, mixUps, predictionsFile);
  }

  /** Row-wise softmax, shifted by the row maximum so that large logits do not overflow. */
  static float[] softmax(float[] logits, int classes) {
    float[] probabilities = new float[logits.length];
    for (int row = 0; row < logits.length / classes; row++) {
      int offset = row * classes;
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, logits[offset + c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        sum += Math.exp(logits[offset + c] - max);
      }
      for (int c = 0; c < classes; c++) {
        probabilities[offset + c] = (float) (Math.exp(logits[offset + c] - max) / sum);
      }
    }
    return probabilities;
  }

  /** Parameters, MACs and the sizes of the exported files of the model in {@code files}. */
  private static ModelCost costOf(ModelFiles files) throws IOException {
    Complexity complexity = Complexity.of(files.spec());
    long onnx = Files.isRegularFile(files.onnx()) ? Files.size(files.onnx()) : -1;
    long params = -1;
    try (Stream<Path> entries = Files.list(files.directory())) {
      for (Path file : entries.filter(f -> f.getFileName().toString().endsWith(".params")).toList()) {
        params = Files.size(file);
      }
    }
    return new ModelCost(complexity.parameters(), complexity.macs(), complexity.flops(),
        complexity.activationBytesPerImage(), onnx, params);
  }
}
