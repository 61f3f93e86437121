package org.archbench.harness.training;

/** Running sums over batches: loss weighted by batch size, and correct predictions. */
final class EpochTotals {
  private double lossSum;
  private long images;
  private long correct;

  void add(float batchMeanLoss, int batchSize, long batchCorrect) {
    lossSum += (double) batchMeanLoss * batchSize;
    images += batchSize;
    correct += batchCorrect;
  }

  long images() {
    return images;
  }

  double meanLoss() {
    return images == 0 ? Double.NaN : lossSum / images;
  }

  double accuracy() {
    return images == 0 ? Double.NaN : (double) correct / images;
  }
}
