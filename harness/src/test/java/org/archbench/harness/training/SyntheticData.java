package org.archbench.harness.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.archbench.harness.data.IdxDatasets;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.data.LoadedDataset;

/**
 * A small learnable stand-in for Fashion-MNIST, made in memory: each class is a bright 6x6 patch at
 * its own place on a noisy 28x28 image, so a few hundred images and two epochs visibly teach a model.
 */
public final class SyntheticData {

  private SyntheticData() {}

  public static LoadedDataset dataset(int trainCount, int testCount) {
    return new LoadedDataset(
        IdxDatasets.FASHION_MNIST,
        Path.of("synthetic"),
        "synthetic",
        List.of(),
        List.of(
            new LoadedDataset.VerifiedFile(Path.of("train-images"), "0".repeat(64), trainCount),
            new LoadedDataset.VerifiedFile(Path.of("train-labels"), "1".repeat(64), trainCount),
            new LoadedDataset.VerifiedFile(Path.of("test-images"), "2".repeat(64), testCount),
            new LoadedDataset.VerifiedFile(Path.of("test-labels"), "3".repeat(64), testCount)),
        images(trainCount, 1),
        images(testCount, 2));
  }

  private static LabeledImages images(int count, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[count * 784];
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      int label = i % 10;
      labels[i] = (byte) label;
      int top = 2 + (label / 5) * 12 + random.nextInt(3);
      int left = 2 + (label % 5) * 5;
      for (int p = 0; p < 784; p++) {
        pixels[i * 784 + p] = random.nextFloat() * 0.3f;
      }
      for (int y = top; y < top + 6; y++) {
        for (int x = left; x < left + 4; x++) {
          pixels[i * 784 + y * 28 + x] = 0.7f + random.nextFloat() * 0.3f;
        }
      }
    }
    return new LabeledImages(count, 28, 28, pixels, labels);
  }
}
