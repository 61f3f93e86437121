package org.archbench.schema.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A class subset is a task: two or more distinct classes, a budget of zero or more per class. */
class ClassSubsetTest {

  @Test
  void aTaskNeedsTwoDistinctClassesAndANonNegativeBudget() {
    assertTrue(ClassSubset.ALL.isAll());
    assertFalse(ClassSubset.of(List.of(3, 1)).isAll());
    assertFalse(ClassSubset.ALL.withImagesPerClass(100).isAll());
    assertEquals(List.of(3, 1), ClassSubset.of(List.of(3, 1)).withImagesPerClass(5).classes());
    assertEquals("expected distinct class indices >= 0, found [3, 3]",
        assertThrows(IllegalArgumentException.class,
            () -> ClassSubset.of(List.of(3, 3))).getMessage());
    assertEquals("expected at least two classes to tell apart, found only class 4",
        assertThrows(IllegalArgumentException.class,
            () -> ClassSubset.of(List.of(4))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ClassSubset(List.of(), -1));
  }

  @Test
  void aConfigWithoutASubsetReadsAsEveryClass() {
    TrainingConfig config = new TrainingConfig(1, 64, 1e-3f, 0, LossFunction.CROSS_ENTROPY,
        LearningRateSchedule.COSINE, Augmentation.NONE, 0, 1, org.archbench.schema.engine.ComputeDevice.CPU,
        Transfer.NONE, LongTail.BALANCED, null);

    assertEquals(ClassSubset.ALL, config.classSubset());
  }
}
