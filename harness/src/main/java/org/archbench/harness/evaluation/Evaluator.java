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
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.archbench.schema.provenance.MeasuredModel;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.eval.EngineAgreement;
import org.archbench.harness.model.ModelVariant;
import org.archbench.schema.eval.VariantComparison;
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
 * Evaluates one trained, exported architecture on the official test set with every engine and
 * model variant, and writes eval/&lt;arch&gt;.json and one predictions CSV per engine and variant.
 * Each result records the model file its engine loaded and the hash of its predictions file; the
 * results of engines and variants not evaluated again are kept while they still describe the
 * model ({@link KeptEvaluations}).
 */
public final class Evaluator {

  /** Confidence bins of the ECE (Guo et al. use 15). */
  public static final int CALIBRATION_BINS = 15;

  private static final int MIX_UPS = 5;

  private Evaluator() {}

  /**
   * Evaluates every variant of {@code arch} in {@code variants} on every engine of
   * {@code engines} that runs it, and compares each derived variant (int8) with the float32 model
   * on the same engine; writes eval/&lt;arch&gt;.json and the predictions, once every engine has run.
   * The record keeps the earlier results of other engines and variants whose model is unchanged.
   *
   * @throws IOException if a model file is missing or invalid, or no engine runs the float32 model
   */
  public static EvaluationReport evaluate(
      OutputLayout layout, String arch, LoadedDataset data, List<EngineKind> engines,
      List<ModelVariant> variants, EngineSettings settings) throws IOException {
    ModelFiles files = ModelFiles.in(layout.modelDirectory(arch));
    TrainingReport training = files.trainingReport(layout.trainingReport(arch));
    LabeledImages test = data.test();
    int classes = files.spec().classes();
    int[] labels = new int[test.count()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = test.label(i);
    }
    String specSha256 = ArchitectureSpecJson.sha256(files.spec());
    Set<KeptEvaluations.Configuration> requested = new HashSet<>();
    variants.forEach(variant -> engines.forEach(kind ->
        requested.add(new KeptEvaluations.Configuration(kind.id(), variant.id()))));
    KeptEvaluations kept =
        KeptEvaluations.of(layout, arch, specSha256, data.fingerprint(), test.count(), requested);
    // Every engine runs before anything is written: a stage that fails leaves no new result.
    List<Run> runs = new ArrayList<>();
    List<NotSupported> notSupported = new ArrayList<>(kept.notSupported());
    for (ModelVariant variant : variants) {
      ModelFiles artifact = files.as(variant);
      for (EngineKind kind : engines) {
        Optional<NotSupported> reason = kind.whyNot(artifact);
        if (reason.isPresent()) {
          notSupported.add(reason.get());
          continue;
        }
        // Hashed before loading: the result names the very bytes the engine ran.
        MeasuredModel model = MeasuredModel.of(layout, kind.loads(artifact));
        try (InferenceEngine engine = kind.open(artifact, settings)) {
          runs.add(new Run(variant, kind, engine.version(), model,
              BatchedInference.logits(engine, test, classes)));
        } catch (UnsupportedModelException e) {
          notSupported.add(e.notSupported());
        }
      }
    }
    List<float[]> float32Logits = runs.stream().filter(run -> run.variant().isFloat32())
        .map(Run::logits).toList();
    boolean keptFloat32 = kept.engines().stream()
        .anyMatch(entry -> entry.variant().equals(ModelVariantIds.FLOAT32));
    if (float32Logits.isEmpty() && !keptFloat32) {
      throw new IOException(arch + ": expected an engine that runs the float32 model, found none"
          + " of " + engines.stream().map(EngineKind::id).toList() + ": "
          + notSupported.stream().map(NotSupported::cell).toList());
    }
    EngineAgreement agreement = kept.agreement(layout, float32Logits, test, classes);
    List<EngineEvaluation> evaluations = new ArrayList<>();
    for (Run run : runs) {
      float[] probabilities = softmax(run.logits(), classes);
      Path predictions = layout.predictions(run.variant().stem(arch), run.kind().id());
      String predictionsSha256 = PredictionsFile.write(predictions, labels, probabilities, classes);
      evaluations.add(
          evaluation(run.kind(), run.variant().id(), run.version(), settings, labels,
              probabilities, classes, data.classNames(),
              layout.name(predictions), run.model(), predictionsSha256));
    }
    evaluations.addAll(kept.engines());
    List<VariantComparison> comparisons = new ArrayList<>(kept.againstFloat32());
    comparisons.addAll(againstFloat32(files, runs, labels));
    EvaluationReport report =
        new EvaluationReport(arch, specSha256, data.fingerprint(),
            training.result(), Convergence.of(training.epochs()), costOf(files), evaluations,
            agreement, comparisons, notSupported, BuildInfo.version(), BuildInfo.gitCommit(),
            Instant.now().toString());
    JsonFiles.write(layout.evaluation(arch), report);
    return report;
  }

  /** One engine's logits for one variant on the test images. */
  private record Run(ModelVariant variant, EngineKind kind, String version, MeasuredModel model,
      float[] logits) {}

  /** Each derived variant's run against the float32 run on the same engine, where both ran. */
  private static List<VariantComparison> againstFloat32(
      ModelFiles files, List<Run> runs, int[] labels) throws IOException {
    List<VariantComparison> comparisons = new ArrayList<>();
    for (Run run : runs) {
      Optional<Run> float32 = runs.stream()
          .filter(other -> other.variant().isFloat32() && other.kind().equals(run.kind()))
          .findFirst();
      if (run.variant().isFloat32() || float32.isEmpty()) {
        continue;
      }
      comparisons.add(VariantComparisons.of(run.variant().id(), run.kind().id(),
          float32.get().logits(), run.logits(), labels,
          Files.size(files.as(run.variant()).onnx()), Files.size(files.onnx())));
    }
    return comparisons;
  }

  static EngineEvaluation evaluation(
      EngineKind kind, String variant, String version, EngineSettings settings, int[] labels,
      float[] probabilities, int classes, List<String> classNames, String predictionsFile,
      MeasuredModel model, String predictionsSha256) {
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
    return new EngineEvaluation(kind.id(), variant, version, settings, labels.length,
        matrix.accuracy(), interval.lower(), interval.upper(), matrix.macroF1(),
        ProbabilisticMetrics.negativeLogLikelihood(probabilities, labels, classes),
        ProbabilisticMetrics.expectedCalibrationError(probabilities, labels, classes, CALIBRATION_BINS),
        ProbabilisticMetrics.brierScore(probabilities, labels, classes),
        perClass, counts, mixUps, predictionsFile, model, predictionsSha256);
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
