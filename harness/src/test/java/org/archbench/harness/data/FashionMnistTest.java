package org.archbench.harness.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The real Fashion-MNIST files, where present ($FASHION_MNIST_DIR or the Debian package): checksums,
 * counts, and the 54,000 / 6,000 split. Skipped on machines without the dataset.
 */
class FashionMnistTest {

  private static Optional<Path> realDataDirectory() {
    return Optional.ofNullable(System.getenv("FASHION_MNIST_DIR"))
        .map(Path::of)
        .or(() -> Optional.of(IdxDatasets.FASHION_MNIST.systemDirectory()))
        .filter(Files::isDirectory);
  }

  @Test
  void officialFilesMatchTheirChecksumsCountsAndSplit() throws DatasetException {
    Optional<Path> directory = realDataDirectory();
    assumeTrue(directory.isPresent(), "Fashion-MNIST is not installed on this machine");

    LoadedDataset loaded =
        DatasetLocator.builder(IdxDatasets.FASHION_MNIST)
            .optDataDirectory(directory.get())
            .optDownloader(null)
            .build()
            .load();

    assertEquals(
        IdxDatasets.FASHION_MNIST.files().stream().map(IdxFileSpec::sha256).toList(),
        loaded.verifiedFiles().stream().map(LoadedDataset.VerifiedFile::sha256).toList());
    assertArrayEquals(filled(6000), loaded.train().classCounts(10));
    assertArrayEquals(filled(1000), loaded.test().classCounts(10));

    StratifiedSplit split = loaded.trainValidationSplit(42);
    assertEquals(54_000, split.trainSize());
    assertEquals(6_000, split.validationSize());
    int[] validationCounts = new int[10];
    for (int index : split.validationIndices()) {
      validationCounts[loaded.train().label(index)]++;
    }
    assertArrayEquals(filled(600), validationCounts);
  }

  private static int[] filled(int value) {
    int[] counts = new int[10];
    Arrays.fill(counts, value);
    return counts;
  }
}
