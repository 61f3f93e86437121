package org.archbench.harness.export;

import java.util.Arrays;

/** How the quantizer takes an activation's range from what the calibration images produce. */
public enum CalibrationMethod {
  /** Each tensor's extremes. */
  MIN_MAX("min-max", "min-max"),
  /**
   * Each side clipped at the 99.99th percentile of the tensor's values, so that a few outliers do
   * not stretch the scale over values that never occur.
   */
  PERCENTILE("percentile", "percentile-99.99");

  private final String option;
  private final String id;

  CalibrationMethod(String option, String id) {
    this.option = option;
    this.id = id;
  }

  /** Its name on the command line. */
  public String option() {
    return option;
  }

  /** The name recorded in the quantized model's metadata, with its parameter. */
  public String id() {
    return id;
  }

  /** The method named {@code option} on the command line; the message lists the names otherwise. */
  public static CalibrationMethod byOption(String option) {
    return Arrays.stream(values()).filter(method -> method.option.equals(option)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("expected a calibration method, one of "
            + Arrays.stream(values()).map(CalibrationMethod::option).toList() + ", found '"
            + option + "'"));
  }
}
