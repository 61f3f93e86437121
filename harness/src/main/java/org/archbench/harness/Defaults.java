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
   * Fashion-MNIST images, a stratified hold-out from the official training set.
   */
  public static final double VALIDATION_FRACTION = 0.1;

  /** Where results go: {@code target/bench} under the directory the command runs in. */
  public static final String OUTPUT_DIRECTORY = "target/bench";

  /** Training epochs of an architecture no preset has a recipe for. */
  public static final int EPOCHS = 15;

  /** Images per optimiser step: large enough to keep both cores busy on the small models. */
  public static final int BATCH_SIZE = 128;

  /** The model corruption errors are normalised by (CE, mCE), as AlexNet is in ImageNet-C. */
  public static final String ROBUSTNESS_REFERENCE = "mlp";

  private Defaults() {}
}
