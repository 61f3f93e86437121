package org.archbench.harness.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.training.SyntheticData;
import org.junit.jupiter.api.Test;

/** Calibration images come from the validation split, as many as asked or none. */
class CalibrationTest {

  private final LoadedDataset data = SyntheticData.dataset(200, 10);

  @Test
  void theWholeValidationSplitIsTheMost() {
    int most = Calibration.validationImages(data, 1);

    assertEquals(most,
        Calibration.ofValidation(data, 1, most, CalibrationMethod.MIN_MAX).count());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> Calibration.ofValidation(data, 1, most + 1, CalibrationMethod.MIN_MAX));

    assertEquals("--calibration-images: expected at most " + most + " (the validation images of"
        + " the split the model trained on), found " + (most + 1) + ". Ask for " + most
        + " or fewer", refused.getMessage());
  }
}
