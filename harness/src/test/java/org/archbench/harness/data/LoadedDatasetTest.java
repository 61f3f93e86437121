package org.archbench.harness.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.archbench.harness.training.SyntheticData;
import org.archbench.schema.training.ClassSubset;
import org.junit.jupiter.api.Test;

/** A task of some classes alone: their images, renumbered in the subset's order. */
class LoadedDatasetTest {

  private static final LoadedDataset DATA = SyntheticData.dataset(100, 50);

  @Test
  void aSubsetKeepsItsClassesImagesRelabelledInItsOrder() {
    LoadedDataset task = DATA.restrictedTo(ClassSubset.of(List.of(7, 3)));

    assertEquals(2, task.classCount());
    assertEquals(List.of("Sneaker", "Dress"), task.classNames());
    assertEquals(20, task.train().count());
    assertEquals(10, task.test().count());
    int pixels = task.train().pixelsPerImage();
    for (int i = 0; i < task.train().count(); i++) {
      // Synthetic image i has label i % 10: 3, 7, 13, 17, ... in order.
      int original = 10 * (i / 2) + (i % 2 == 0 ? 3 : 7);
      assertEquals(i % 2 == 0 ? 1 : 0, task.train().label(i));
      assertEquals(DATA.train().pixels()[original * pixels + 100],
          task.train().pixels()[i * pixels + 100]);
    }
    assertEquals(DATA.fingerprint(), task.fingerprint(), "the same files");
    assertEquals(task.classCount(), 2);
    int[] split = task.trainValidationSplit(1).validationIndices();
    assertTrue(split.length == 2, "10% of each of the two classes held out");
  }

  @Test
  void everyClassIsTheDatasetItselfAndAnUnknownClassIsRefused() {
    assertSame(DATA, DATA.restrictedTo(ClassSubset.ALL));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> DATA.restrictedTo(ClassSubset.of(List.of(3, 12))));
    assertTrue(refused.getMessage().contains("found class 12"), refused.getMessage());
  }

  @Test
  void theTransferHalvesAreTheDatasetsChoiceOrTheEvenAndOddClasses() {
    assertEquals(List.of(0, 1, 2, 5, 8), IdxDatasets.FASHION_MNIST.transferSourceClasses());
    assertEquals(List.of(3, 4, 6, 7, 9), IdxDatasets.FASHION_MNIST.transferTargetClasses());
    IdxDataset unchosen = IdxFixtures.dataset(java.nio.file.Path.of("/nonexistent"),
        java.net.URI.create("http://localhost/"));
    assertEquals(List.of(0, 2, 4, 6, 8), unchosen.transferSourceClasses());
    assertEquals(List.of(1, 3, 5, 7, 9), unchosen.transferTargetClasses());
  }
}
