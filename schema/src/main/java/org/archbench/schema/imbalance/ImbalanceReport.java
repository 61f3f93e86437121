package org.archbench.schema.imbalance;

import org.archbench.schema.io.MayBeAbsent;
import org.archbench.schema.io.ResultFormat;
import java.util.List;
import org.archbench.schema.training.TrainingConfig;

/**
 * imbalance/&lt;arch&gt;.json: how one architecture fares when trained on long-tailed subsets of the
 * training split, with and without mitigations, against the same architecture trained balanced.
 * Validation and test stay balanced; every figure is on the official test set.
 *
 * @param arch the architecture id
 * @param engine the engine that ran the test images
 * @param classNames the dataset's class names, indexing every per-class list
 * @param config the balanced model's training config, which every run shares but for its long tail
 *     and, where the run says so, its epochs
 * @param balanced the balanced model's figures, the reference of every drop
 * @param runs one entry per long-tail setting, in the order run
 * @param createdAt ISO-8601 instant
 */
@ResultFormat(file = "imbalance/<arch>.json", minor = 1)
public record ImbalanceReport(
    String arch,
    String engine,
    List<String> classNames,
    TrainingConfig config,
    TestFigures balanced,
    List<Run> runs,
    String createdAt) {

  /** An absent list or map reads as empty: a reader shows it as missing, never fails on it. */
  public ImbalanceReport {
    classNames = classNames == null ? List.of() : List.copyOf(classNames);
    runs = runs == null ? List.of() : List.copyOf(runs);
    requireOneRecallPerClass("balanced", balanced, classNames.size());
    for (Run run : runs) {
      requireOneRecallPerClass(run.id(), run.test(), classNames.size());
    }
  }

  /** The epochs {@code run} trained: its own, or the balanced model's where it has none. */
  public Integer epochsOf(Run run) {
    return run.epochs() != null ? run.epochs() : config == null ? null : config.epochs();
  }

  /** Every table of the report has a column per class: a list of another length has no place. */
  private static void requireOneRecallPerClass(String setting, TestFigures figures, int classes) {
    if (figures != null && figures.perClassRecall().size() != classes) {
      throw new IllegalArgumentException("expected one recall per class (" + classes
          + " classNames) in " + setting + ", found " + figures.perClassRecall().size());
    }
  }


  /**
   * Test-set figures of one model.
   *
   * @param accuracy share of test images classified correctly
   * @param macroF1 unweighted mean of the per-class F1
   * @param perClassRecall recall of each class
   * @param minimumClassRecall the smallest per-class recall
   */
  public record TestFigures(
      double accuracy, double macroF1, List<Double> perClassRecall, double minimumClassRecall) {
    /** An absent list or map reads as empty: a reader shows it as missing, never fails on it. */
    public TestFigures {
      perClassRecall = perClassRecall == null ? List.of() : List.copyOf(perClassRecall);
    }
  }

  /**
   * One long-tail setting.
   *
   * @param id e.g. {@code exp-rho100-reweight}
   * @param profile e.g. {@code exp-rho100}
   * @param mitigation none, reweight or oversample
   * @param beta the re-weighting's beta
   * @param tailOrder the class at each tail rank, rank 0 the largest (a seeded permutation)
   * @param trainCounts distinct training images per class
   * @param rarestClasses the three classes with the fewest training images, rarest first
   * @param test the model's test figures
   * @param meanRecallOfRarest mean recall of {@code rarestClasses}
   * @param accuracyDrop balanced accuracy minus this accuracy
   * @param macroF1Drop balanced macro-F1 minus this macro-F1
   * @param minimumRecallDrop balanced minimum class recall minus this one
   * @param trainSeconds training time over all epochs
   * @param reused whether the trained model was reused from an earlier run
   * @param epochs the epochs the model trained; absent in reports written before a setting could
   *     train fewer than the balanced model, whose epochs it then trained
   */
  public record Run(
      String id,
      String profile,
      String mitigation,
      double beta,
      List<Integer> tailOrder,
      List<Integer> trainCounts,
      List<Integer> rarestClasses,
      TestFigures test,
      double meanRecallOfRarest,
      double accuracyDrop,
      double macroF1Drop,
      double minimumRecallDrop,
      double trainSeconds,
      boolean reused,
      @MayBeAbsent Integer epochs) {
    /** An absent list or map reads as empty: a reader shows it as missing, never fails on it. */
    public Run {
      tailOrder = tailOrder == null ? List.of() : List.copyOf(tailOrder);
      trainCounts = trainCounts == null ? List.of() : List.copyOf(trainCounts);
      rarestClasses = rarestClasses == null ? List.of() : List.copyOf(rarestClasses);
    }
  }
}
