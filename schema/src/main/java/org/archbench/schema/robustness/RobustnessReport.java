package org.archbench.schema.robustness;

import org.archbench.schema.provenance.MeasuredModel;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.io.MayBeAbsent;
import org.archbench.schema.io.ResultFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * robustness/&lt;stem&gt;.json: accuracy under every corruption and severity, and the corruption
 * errors against the reference model (Hendrycks and Dietterich, 2019). The stem is the arch for
 * the float32 model and {@code <arch>.<variant>} for a derived one ({@link ModelVariantIds#stem}).
 *
 * @param arch the architecture
 * @param engine the engine that ran it
 * @param variant the model variant's id; results written before variants were recorded are of the
 *     float32 model
 * @param testImages the first this many test images were corrupted and classified (all 10,000
 *     unless the preset or --images chose fewer)
 * @param reference the architecture whose errors normalise CE (mlp)
 * @param cleanAccuracy accuracy on the clean test set
 * @param conditions accuracy per corruption and severity
 * @param meanCorruptedAccuracy mean accuracy over every condition
 * @param corruptionErrors CE_c = sum over severities of this model's error / the reference's
 * @param meanCorruptionError mCE, the mean of CE_c over corruptions
 * @param relativeMeanCorruptionError relative mCE: like mCE, on the errors minus the clean error
 * @param createdAt ISO-8601 instant
 * @param model the model file the engine loaded, with its hash when measured; null in results
 *     written before it was recorded
 */
@ResultFormat(file = "robustness/<stem>.json", minor = 2)
public record RobustnessReport(
    String arch,
    String engine,
    String variant,
    int testImages,
    String reference,
    double cleanAccuracy,
    List<ConditionAccuracy> conditions,
    double meanCorruptedAccuracy,
    Map<String, Double> corruptionErrors,
    double meanCorruptionError,
    double relativeMeanCorruptionError,
    String createdAt,
    @MayBeAbsent MeasuredModel model) {

  /** An absent list or map reads as empty: a reader shows it as missing, never fails on it. */
  public RobustnessReport {
    variant = variant == null ? ModelVariantIds.FLOAT32 : variant;
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    corruptionErrors = corruptionErrors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(corruptionErrors));
  }


  /**
   * @param corruption the corruption's id
   * @param severity 1 to 5
   * @param level the corruption's parameter at that severity
   * @param accuracy share classified correctly
   */
  public record ConditionAccuracy(String corruption, int severity, double level, double accuracy) {}
}
