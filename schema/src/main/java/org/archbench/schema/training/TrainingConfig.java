package org.archbench.schema.training;

import org.archbench.schema.engine.ComputeDevice;
import java.util.Objects;

/**
 * Everything chosen for one training run. It is recorded in training/&lt;arch&gt;.json and is part of
 * the key that decides whether a trained model can be reused.
 *
 * @param epochs passes over the training split
 * @param batchSize images per optimiser step
 * @param learningRate Adam's base learning rate
 * @param weightDecay L2 weight decay (0 for none)
 * @param loss the objective
 * @param schedule how the learning rate moves over the run
 * @param augmentation training-time image changes
 * @param limit train on only this many images of the training split (0 for all), for smoke runs
 * @param seed the master seed; initialisation, batch order, dropout and augmentation derive from it
 * @param device where to train
 * @param transfer where the feature layers start from, and how they train ({@link Transfer#NONE})
 * @param longTail the class distribution trained on, and its mitigation; {@link LongTail#BALANCED}
 *     for the balanced split (also when absent, as in keys written before the imbalance study)
 * @param classSubset the classes learnt and the labelled images of each; {@link ClassSubset#ALL}
 *     for the dataset's own task (also when absent, as in keys written before the transfer study)
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    float learningRate,
    float weightDecay,
    LossFunction loss,
    LearningRateSchedule schedule,
    Augmentation augmentation,
    int limit,
    long seed,
    ComputeDevice device,
    Transfer transfer,
    LongTail longTail,
    ClassSubset classSubset) {

  public TrainingConfig {
    if (epochs <= 0 || batchSize <= 0) {
      throw new IllegalArgumentException(
          "expected positive epochs and batch size, found " + epochs + " and " + batchSize);
    }
    if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
      throw new IllegalArgumentException("expected a positive learning rate, found " + learningRate);
    }
    if (!(weightDecay >= 0)) {
      throw new IllegalArgumentException("expected weight decay >= 0, found " + weightDecay);
    }
    if (limit < 0) {
      throw new IllegalArgumentException("expected a limit >= 0 (0 for all), found " + limit);
    }
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(augmentation, "augmentation");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(transfer, "transfer");
    if (longTail == null) {
      longTail = LongTail.BALANCED;
    }
    if (classSubset == null) {
      classSubset = ClassSubset.ALL;
    }
    if (longTail.mitigation() == Mitigation.REWEIGHT && loss != LossFunction.CROSS_ENTROPY) {
      throw new IllegalArgumentException(
          "class re-weighting: expected the CROSS_ENTROPY loss, found " + loss);
    }
  }

  /** This config, trained with another master seed. */
  public TrainingConfig withSeed(long otherSeed) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, loss, schedule,
        augmentation, limit, otherSeed, device, transfer, longTail, classSubset);
  }

  /** This config, trained for {@code otherEpochs} epochs on the same schedule's shape. */
  public TrainingConfig withEpochs(int otherEpochs) {
    return new TrainingConfig(otherEpochs, batchSize, learningRate, weightDecay, loss, schedule,
        augmentation, limit, seed, device, transfer, longTail, classSubset);
  }

  /** This config, trained on another class distribution. */
  public TrainingConfig withLongTail(LongTail otherLongTail) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, loss, schedule,
        augmentation, limit, seed, device, transfer, otherLongTail, classSubset);
  }

  /** This config, minimising another objective. */
  public TrainingConfig withLoss(LossFunction otherLoss) {
    return new TrainingConfig(epochs, batchSize, learningRate, weightDecay, otherLoss, schedule,
        augmentation, limit, seed, device, transfer, longTail, classSubset);
  }

  /**
   * This config on another task: {@code otherEpochs} main epochs over {@code otherSubset}, the
   * feature layers starting as {@code otherTransfer} says.
   */
  public TrainingConfig forTask(
      int otherEpochs, ClassSubset otherSubset, Transfer otherTransfer) {
    return new TrainingConfig(otherEpochs, batchSize, learningRate, weightDecay, loss, schedule,
        augmentation, limit, seed, device, otherTransfer, longTail, otherSubset);
  }

  /** Main epochs plus fine-tuning epochs. */
  public int totalEpochs() {
    return epochs + transfer.fineTuneEpochs();
  }
}
