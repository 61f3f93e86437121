package org.archbench.harness.export;

/** How the quantizer takes an activation's range from what the calibration images produce. */
public enum CalibrationMethod {
  /** Each tensor's extremes. */
  MIN_MAX("min-max"),
  /**
   * Each side clipped at the 99.99th percentile of the tensor's values, so that a few outliers do
   * not stretch the scale over values that never occur.
   */
  PERCENTILE("percentile-99.99");

  private final String id;

  CalibrationMethod(String id) {
    this.id = id;
  }

  /** The name recorded in the quantized model's metadata. */
  public String id() {
    return id;
  }
}
