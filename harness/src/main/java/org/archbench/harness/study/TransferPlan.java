package org.archbench.harness.study;

import java.util.List;

/**
 * How much the transfer study trains: the pretraining on the source classes, then the three
 * regimes at each label budget, all three with the budget's epochs.
 *
 * @param pretrainEpochs epochs of the pretraining on the source classes
 * @param budgets the label budgets, smallest first
 */
public record TransferPlan(int pretrainEpochs, List<LabelBudget> budgets) {

  /** Fine-tuning's learning rate against the main one: low enough to keep what pretraining found. */
  public static final float FINE_TUNE_RATE_FACTOR = 0.1f;

  public TransferPlan {
    budgets = List.copyOf(budgets);
    if (pretrainEpochs <= 0 || budgets.isEmpty()) {
      throw new IllegalArgumentException("expected positive pretraining epochs and a label budget,"
          + " found " + pretrainEpochs + " epochs and " + budgets.size() + " budgets");
    }
  }

  /**
   * One label budget.
   *
   * @param imagesPerClass labelled training images per target class; 0 for all of them
   * @param epochs of every regime; frozen-then-fine-tuned spends the first half frozen
   */
  public record LabelBudget(int imagesPerClass, int epochs) {
    public LabelBudget {
      if (imagesPerClass < 0 || epochs < 2) {
        throw new IllegalArgumentException("expected images per class >= 0 and at least 2 epochs"
            + " (one frozen, one fine-tuned), found " + imagesPerClass + " and " + epochs);
      }
    }

    /** The epochs frozen-then-fine-tuned trains the head alone: half, rounded down. */
    public int frozenEpochs() {
      return epochs / 2;
    }
  }
}
