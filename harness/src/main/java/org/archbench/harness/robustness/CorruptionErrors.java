package org.archbench.harness.robustness;

import org.archbench.schema.robustness.RobustnessReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Corruption errors normalised by a reference model: CE_c = sum_s E_{f,s,c} / sum_s E_{ref,s,c},
 * mCE their mean over corruptions, and relative mCE the same on errors minus each model's clean
 * error (how much worse corruption makes it, not how bad it is).
 *
 * @param perCorruption CE of each corruption
 * @param mean mCE
 * @param relativeMean relative mCE
 */
public record CorruptionErrors(Map<String, Double> perCorruption, double mean, double relativeMean) {

  /** Compares {@code model} with {@code reference}, both measured under the same conditions. */
  public static CorruptionErrors of(
      double modelClean, List<RobustnessReport.ConditionAccuracy> model,
      double referenceClean, List<RobustnessReport.ConditionAccuracy> reference) {
    if (model.size() != reference.size()) {
      throw new IllegalArgumentException(
          "expected the reference measured under the same " + model.size() + " conditions, found "
              + reference.size());
    }
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (int i = 0; i < model.size(); i++) {
      RobustnessReport.ConditionAccuracy mine = model.get(i);
      RobustnessReport.ConditionAccuracy theirs = reference.get(i);
      if (!mine.corruption().equals(theirs.corruption()) || mine.severity() != theirs.severity()) {
        throw new IllegalArgumentException(
            "expected the same conditions in the same order, found " + mine + " beside " + theirs);
      }
      double[] sum = sums.computeIfAbsent(mine.corruption(), c -> new double[4]);
      sum[0] += 1 - mine.accuracy();
      sum[1] += 1 - theirs.accuracy();
      sum[2] += (1 - mine.accuracy()) - (1 - modelClean);
      sum[3] += (1 - theirs.accuracy()) - (1 - referenceClean);
    }
    Map<String, Double> perCorruption = new LinkedHashMap<>();
    double mean = 0;
    double relativeMean = 0;
    for (Map.Entry<String, double[]> entry : sums.entrySet()) {
      double[] sum = entry.getValue();
      perCorruption.put(entry.getKey(), sum[0] / sum[1]);
      mean += sum[0] / sum[1];
      relativeMean += sum[2] / sum[3];
    }
    return new CorruptionErrors(perCorruption, mean / sums.size(), relativeMean / sums.size());
  }
}
