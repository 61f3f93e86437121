package org.archbench.harness;

/**
 * Every default value of archbench, in one place. The CLI's options and the Maven {@code bench.*}
 * properties map onto these.
 */
public final class Defaults {

  /** The dataset every run uses unless told otherwise. */
  public static final String DATASET = "fashion-mnist";

  /** The master seed; each component derives its own with {@link Seeds#derive}. */
  public static final long SEED = 42L;

  /**
   * Share of each class of the official training set held out for validation: 6,000 of 60,000
   * Fashion-MNIST images, the seed 001 protocol.
   */
  public static final double VALIDATION_FRACTION = 0.1;

  private Defaults() {}
}
