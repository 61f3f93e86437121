package org.archbench.schema.training;

import org.archbench.schema.io.MayBeAbsent;

/**
 * One epoch of training, as recorded in training/&lt;arch&gt;.json.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch's batches (training mode: dropout on)
 * @param trainAccuracy share of training images classified correctly during the epoch
 * @param validationLoss mean loss on the validation split, inference mode; absent for an epoch not
 *     validated (a study that reads no learning curve validates its last epoch only)
 * @param validationAccuracy accuracy on the validation split, inference mode; absent as the loss
 * @param learningRate the learning rate of the epoch's last step
 * @param trainSeconds wall time of the training pass
 * @param validationSeconds wall time of the validation pass; 0 for an epoch not validated
 * @param imagesPerSecond training images per second of the training pass
 * @param rssAnonBytes the process's anonymous resident memory at the end of the epoch (-1 if
 *     unknown): native tensors plus the Java heap's committed pages
 * @param heapCommittedBytes the Java heap committed at the end of the epoch, to tell heap growth
 *     from native growth in {@code rssAnonBytes}
 */
public record EpochRecord(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    @MayBeAbsent Double validationLoss,
    @MayBeAbsent Double validationAccuracy,
    double learningRate,
    double trainSeconds,
    double validationSeconds,
    double imagesPerSecond,
    long rssAnonBytes,
    long heapCommittedBytes) {

  /** Whether the epoch ended with a validation pass: both its figures are there. */
  public boolean validated() {
    return validationAccuracy != null && validationLoss != null;
  }
}
