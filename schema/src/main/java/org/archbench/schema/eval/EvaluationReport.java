package org.archbench.schema.eval;

import org.archbench.schema.io.ResultFormat;
import java.util.List;
import java.util.Optional;
import org.archbench.schema.eval.EngineAgreement;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.training.FinalAccuracy;

/**
 * eval/&lt;arch&gt;.json: every engine's results on the official test set for every model variant,
 * how far the engines agree, what a derived variant (int8) gives up against float32, and, from
 * training, train/validation/test accuracy with the gap and the convergence speed.
 *
 * @param arch the architecture id
 * @param specSha256 hash of the architecture spec
 * @param datasetSha256 fingerprint of the dataset
 * @param training train, validation and test accuracy and the train-validation gap
 * @param convergence epochs and seconds to 88% and 90% validation accuracy
 * @param cost parameters, MACs and file sizes of the model
 * @param engines one entry per engine and variant
 * @param agreement cross-engine prediction agreement, among the engines that ran the float32 model
 * @param againstFloat32 each derived variant against the float32 model, per engine that ran both
 * @param notSupported the engine and variant pairs that could not run, in place of their entries
 * @param archbenchVersion the archbench that wrote the file
 * @param gitCommit the commit it was built from
 * @param createdAt ISO-8601 instant
 */
@ResultFormat(file = "eval/<arch>.json", minor = 4)
public record EvaluationReport(
    String arch,
    String specSha256,
    String datasetSha256,
    FinalAccuracy training,
    Convergence convergence,
    ModelCost cost,
    List<EngineEvaluation> engines,
    EngineAgreement agreement,
    List<VariantComparison> againstFloat32,
    List<NotSupported> notSupported,
    String archbenchVersion,
    String gitCommit,
    String createdAt) {
  /** An absent list or map reads as empty: a reader shows it as missing, never fails on it. */
  public EvaluationReport {
    engines = engines == null ? List.of() : List.copyOf(engines);
    againstFloat32 = againstFloat32 == null ? List.of() : List.copyOf(againstFloat32);
    notSupported = notSupported == null ? List.of() : List.copyOf(notSupported);
  }

  /** The evaluation of {@code variant} on {@code engine}, if it ran. */
  public Optional<EngineEvaluation> engine(String engine, String variant) {
    return engines.stream()
        .filter(entry -> entry.engine().equals(engine) && entry.variant().equals(variant))
        .findFirst();
  }

  /** The comparison of {@code variant} with float32 on {@code engine}, if both ran. */
  public Optional<VariantComparison> againstFloat32(String engine, String variant) {
    return againstFloat32.stream()
        .filter(entry -> entry.engine().equals(engine) && entry.variant().equals(variant))
        .findFirst();
  }
}
