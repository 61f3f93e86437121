package org.archbench.schema.study;

import java.util.List;
import org.archbench.schema.io.ResultFormat;
import org.archbench.schema.stats.SignificancePair;
import org.archbench.schema.training.TrainingConfig;

/**
 * transfer/&lt;arch&gt;.json: when a pretrained convolutional base helps, frozen or fine-tuned. The
 * dataset's classes are split in two halves; the architecture is pretrained on the source half
 * only, then trained on the target half in three regimes with the same epochs: from scratch, the
 * pretrained base frozen under a new head, and frozen then fine-tuned. Every figure of a regime is
 * on the target classes' test images.
 *
 * @param arch the architecture id
 * @param engine the engine that ran the test images
 * @param sourceClasses the source half's class names, by the pretrained model's label
 * @param targetClasses the target half's class names, by the regimes' label
 * @param source the pretraining: its config and its accuracy on the source classes' test images
 * @param budgets one entry per label budget, in the order run
 * @param createdAt ISO-8601 instant
 */
@ResultFormat(file = "transfer/<arch>.json")
public record TransferReport(
    String arch,
    String engine,
    List<String> sourceClasses,
    List<String> targetClasses,
    Source source,
    List<LabelBudget> budgets,
    String createdAt) {

  /** The regime trained from randomly initialised weights. */
  public static final String SCRATCH = "scratch";
  /** The pretrained base frozen, only the new head trained. */
  public static final String FROZEN = "frozen";
  /** The pretrained base frozen for the first half of the epochs, then everything trained. */
  public static final String FINE_TUNED = "fine-tuned";

  /** An absent list reads as empty: a reader shows it as missing, never fails on it. */
  public TransferReport {
    sourceClasses = sourceClasses == null ? List.of() : List.copyOf(sourceClasses);
    targetClasses = targetClasses == null ? List.of() : List.copyOf(targetClasses);
    budgets = budgets == null ? List.of() : List.copyOf(budgets);
  }

  /**
   * The pretrained base.
   *
   * @param config its training config
   * @param test its accuracy on the source classes' test images
   * @param trainSeconds its training time over all epochs
   * @param reused whether the model was reused from an earlier run
   */
  public record Source(TrainingConfig config, TestAccuracy test, double trainSeconds,
      boolean reused) {}

  /**
   * The three regimes at one label budget.
   *
   * @param imagesPerClass labelled training images per target class; 0 for all of them
   * @param trainImages training images the regimes learnt from
   * @param regimes scratch, frozen and fine-tuned, in that order
   * @param comparisons McNemar between each two regimes on the same test images, Holm over the
   *     budget's three pairs
   */
  public record LabelBudget(
      int imagesPerClass, int trainImages, List<Regime> regimes,
      List<SignificancePair> comparisons) {
    /** An absent list reads as empty: a reader shows it as missing, never fails on it. */
    public LabelBudget {
      regimes = regimes == null ? List.of() : List.copyOf(regimes);
      comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }
  }

  /**
   * One regime's model.
   *
   * @param id {@link #SCRATCH}, {@link #FROZEN} or {@link #FINE_TUNED}
   * @param config its training config (the transfer, the class subset and the epochs included)
   * @param test its accuracy on the target classes' test images
   * @param trainSeconds its training time over all epochs
   * @param reused whether the model was reused from an earlier run
   */
  public record Regime(
      String id, TrainingConfig config, TestAccuracy test, double trainSeconds, boolean reused) {}
}
