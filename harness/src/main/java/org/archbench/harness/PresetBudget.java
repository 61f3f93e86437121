package org.archbench.harness;

import java.util.List;
import java.util.Map;

/**
 * What each {@link Preset} spends in the harness's stages, in one place so that the budgets can be
 * read (and tuned) together. The JMH budget lives beside the benchmarks ({@code JmhPreset}).
 *
 * <p>The standard epochs are the ones measured to reach the training targets (README, "Presets"):
 * cnn at 15 epochs stopped at 91.4% against a target of 92%, so the convolutional nets keep their
 * longer schedules. Full trains the same models with three seeds.
 *
 * @param trainingImages images of the training split each model trains on; 0 for all 54,000
 * @param epochs per architecture
 * @param otherEpochs of an architecture {@code epochs} does not name
 * @param seeds trainings per architecture (seed statistics need two or more)
 * @param imbalanceProfiles the long-tail profiles of the imbalance study
 * @param imbalanceMitigations the mitigations tried on each profile
 * @param robustnessImages test images under each corruption; 0 for all 10,000
 */
public record PresetBudget(
    int trainingImages,
    Map<String, Integer> epochs,
    int otherEpochs,
    int seeds,
    List<String> imbalanceProfiles,
    List<String> imbalanceMitigations,
    int robustnessImages) {

  /** Shift augmentation of ResNet-20, which overfits the unaugmented set within a few epochs. */
  private static final Map<String, Integer> SHIFT = Map.of("resnet", 2);

  private static final Map<String, Integer> STANDARD_EPOCHS =
      Map.of("mlp", 20, "cnn", 30, "secnn", 30, "resnet", 15, "vgg", 12);
  private static final List<String> STANDARD_PROFILES = List.of("exp-rho100");
  private static final List<String> STANDARD_MITIGATIONS = List.of("none", "reweight");

  public static PresetBudget of(Preset preset) {
    return switch (preset) {
      // Proves that every stage runs on every architecture and engine; the figures mean nothing.
      // Re-weighting only: plain training is what the train stage just exercised, and every
      // setting costs three passes over the validation and test sets.
      case SMOKE -> new PresetBudget(3_000, Map.of(), 1, 1, STANDARD_PROFILES, List.of("reweight"),
          500);
      case QUICK -> new PresetBudget(10_000, Map.of(), 2, 1, STANDARD_PROFILES, STANDARD_MITIGATIONS,
          2_000);
      case STANDARD -> new PresetBudget(0, STANDARD_EPOCHS, Defaults.EPOCHS, 1, STANDARD_PROFILES,
          STANDARD_MITIGATIONS, 0);
      case FULL -> new PresetBudget(0, STANDARD_EPOCHS, Defaults.EPOCHS, 3,
          List.of("exp-rho10", "exp-rho100", "step-rho10"),
          List.of("none", "reweight", "oversample"), 0);
    };
  }

  /** Epochs of {@code arch}. */
  public int epochs(String arch) {
    return epochs.getOrDefault(arch, otherEpochs);
  }

  /** Pixels of random-shift augmentation for {@code arch}; 0 for none. */
  public int shift(String arch) {
    return SHIFT.getOrDefault(arch, 0);
  }
}
