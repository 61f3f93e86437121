package org.archbench.harness.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.engine.BatchedInference;
import org.archbench.schema.provenance.ModelChanges;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.eval.EngineAgreement;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.eval.VariantComparison;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.io.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an evaluation of some engines and variants keeps of the eval/&lt;arch&gt;.json it replaces:
 * the results of every engine and variant it does not evaluate again, while they still describe
 * the model in the run (the file the engine loaded and the training key unchanged, the same spec,
 * dataset and number of test images) and their predictions file is the one written with them.
 * Anything else is dropped, so that no figure of another model is carried into the new record.
 *
 * @param engines the results kept, each with its predictions file
 * @param againstFloat32 the comparisons whose float32 and derived results are both kept
 * @param notSupported the pairs recorded as not supported and not tried again: an operator an
 *     engine lacks is a property of the architecture, which the spec's hash pins
 * @param agreement the earlier agreement, for a call that evaluates no float32 model again
 */
record KeptEvaluations(List<EngineEvaluation> engines, List<VariantComparison> againstFloat32,
    List<NotSupported> notSupported, Optional<EngineAgreement> agreement) {

  private static final Logger LOG = LoggerFactory.getLogger(KeptEvaluations.class);

  /** One engine running one model variant. */
  record Configuration(String engine, String variant) {}

  private static final KeptEvaluations NONE =
      new KeptEvaluations(List.of(), List.of(), List.of(), Optional.empty());

  /**
   * What to keep of eval/&lt;arch&gt;.json in {@code layout}, before {@code requested} are evaluated
   * again on the spec {@code specSha256} and {@code testImages} images of the dataset
   * {@code datasetSha256}.
   *
   * @throws IOException if a model or predictions file is there but cannot be read
   */
  static KeptEvaluations of(OutputLayout layout, String arch, String specSha256,
      String datasetSha256, int testImages, Set<Configuration> requested) throws IOException {
    Path file = layout.evaluation(arch);
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    EvaluationReport earlier;
    try {
      earlier = JsonFiles.read(file, EvaluationReport.class);
    } catch (IOException unreadable) {
      LOG.warn("{} does not read ({}); it is replaced by this evaluation alone", file,
          unreadable.getMessage());
      return NONE;
    }
    if (!specSha256.equals(earlier.specSha256()) || !datasetSha256.equals(earlier.datasetSha256())) {
      LOG.info("{} is of another spec or dataset; none of its results is kept", file);
      return NONE;
    }
    ModelChanges changes = new ModelChanges(layout);
    String name = layout.name(file);
    List<EngineEvaluation> kept = new ArrayList<>();
    for (EngineEvaluation entry : earlier.engines()) {
      Configuration configuration = new Configuration(entry.engine(), entry.variant());
      if (requested.contains(configuration)) {
        continue;
      }
      Optional<String> reason = whyNotKept(layout, changes, entry, name, testImages);
      if (reason.isPresent()) {
        LOG.warn("{}: the results of {} on {} are dropped: {}", file, entry.variant(),
            entry.engine(), reason.get());
      } else {
        kept.add(entry);
      }
    }
    List<VariantComparison> comparisons = earlier.againstFloat32().stream()
        .filter(comparison -> holds(kept, comparison.engine(), comparison.variant())
            && holds(kept, comparison.engine(), ModelVariantIds.FLOAT32))
        .toList();
    List<NotSupported> notSupported = earlier.notSupported().stream()
        .filter(pair -> pair.variant() != null
            && !requested.contains(new Configuration(pair.engine(), pair.variant())))
        .toList();
    return new KeptEvaluations(kept, comparisons, notSupported,
        Optional.ofNullable(earlier.agreement()));
  }

  /** Why an earlier result does not describe the model in the run any longer, if it does not. */
  private static Optional<String> whyNotKept(OutputLayout layout, ModelChanges changes,
      EngineEvaluation entry, String evaluationFile, int testImages) throws IOException {
    if (entry.images() != testImages) {
      return Optional.of("they are of " + entry.images() + " test images, this evaluation of "
          + testImages);
    }
    if (entry.model() == null || entry.predictionsSha256() == null) {
      return Optional.of("the model they measured is not recorded (an older archbench wrote"
          + " them); evaluate that engine again");
    }
    Optional<String> stale = changes.stale(entry.model(), evaluationFile, "evaluate");
    if (stale.isPresent()) {
      return stale;
    }
    Path predictions = layout.root().resolve(entry.predictionsFile());
    if (!Files.isRegularFile(predictions)
        || !Sha256.hex(predictions).equals(entry.predictionsSha256())) {
      return Optional.of(entry.predictionsFile() + " is not the file written with them");
    }
    return Optional.empty();
  }

  private static boolean holds(List<EngineEvaluation> kept, String engine, String variant) {
    return kept.stream().anyMatch(entry -> entry.engine().equals(engine)
        && entry.variant().equals(variant));
  }

  /**
   * The agreement of every float32 result, new and kept: the share of images on which all predict
   * the same class, and the largest logit difference among the engines run now (a kept result's
   * logits are not stored, only its predictions). A call that runs no float32 model keeps the
   * earlier agreement.
   *
   * @param float32Logits the logits of the float32 model on each engine run now
   * @throws IOException if a kept predictions file does not read
   */
  EngineAgreement agreement(OutputLayout layout, List<float[]> float32Logits, LabeledImages test,
      int classes) throws IOException {
    if (float32Logits.isEmpty()) {
      return agreement.orElseThrow();
    }
    EngineAgreement computed = BatchedInference.agreement(float32Logits, classes);
    List<int[]> keptPredictions = new ArrayList<>();
    for (EngineEvaluation entry : engines) {
      if (entry.variant().equals(ModelVariantIds.FLOAT32)) {
        keptPredictions.add(
            PredictionsFile.read(layout.root().resolve(entry.predictionsFile()), test));
      }
    }
    if (keptPredictions.isEmpty()) {
      return computed;
    }
    int agreeing = 0;
    for (int image = 0; image < test.count(); image++) {
      int expected = BatchedInference.argmax(float32Logits.get(0), image, classes);
      boolean agree = true;
      for (float[] logits : float32Logits) {
        agree &= BatchedInference.argmax(logits, image, classes) == expected;
      }
      for (int[] predicted : keptPredictions) {
        agree &= predicted[image] == expected;
      }
      agreeing += agree ? 1 : 0;
    }
    return new EngineAgreement((double) agreeing / test.count(), computed.maxLogitDifference(),
        test.count());
  }
}
