package org.archbench.harness.evaluation;

import org.archbench.schema.stats.SignificancePair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * McNemar's test between every pair of architectures on the same test images, with Holm's
 * correction over all the pairs: which differences in accuracy are real.
 */
public final class PairwiseSignificance {

  /** The family-wise error rate the verdicts are given at. */
  public static final double ALPHA = 0.05;

  private PairwiseSignificance() {}

  /** Tests every pair of {@code correctByArch} (iteration order kept), whose arrays align by image. */
  public static List<SignificancePair> test(Map<String, boolean[]> correctByArch) {
    List<String> archs = List.copyOf(correctByArch.keySet());
    List<String[]> pairs = new ArrayList<>();
    List<McNemar.Result> results = new ArrayList<>();
    for (int i = 0; i < archs.size(); i++) {
      for (int j = i + 1; j < archs.size(); j++) {
        pairs.add(new String[] {archs.get(i), archs.get(j)});
        results.add(McNemar.test(correctByArch.get(archs.get(i)), correctByArch.get(archs.get(j))));
      }
    }
    double[] adjusted = Holm.adjust(results.stream().mapToDouble(McNemar.Result::pValue).toArray());
    List<SignificancePair> tested = new ArrayList<>();
    for (int k = 0; k < pairs.size(); k++) {
      String first = pairs.get(k)[0];
      String second = pairs.get(k)[1];
      McNemar.Result result = results.get(k);
      tested.add(new SignificancePair(first, second, accuracy(correctByArch.get(first)),
          accuracy(correctByArch.get(second)), result.firstOnlyCorrect(),
          result.secondOnlyCorrect(), result.statistic(), result.pValue(), result.method(),
          adjusted[k], adjusted[k] < ALPHA));
    }
    return tested;
  }

  private static double accuracy(boolean[] correct) {
    int right = 0;
    for (boolean value : correct) {
      right += value ? 1 : 0;
    }
    return (double) right / correct.length;
  }
}
