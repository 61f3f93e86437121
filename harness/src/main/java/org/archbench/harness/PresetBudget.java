package org.archbench.harness;

import java.util.List;
import java.util.Map;
import org.archbench.harness.study.TransferPlan;

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
 * @param transferArchs the architectures of the transfer-learning study
 * @param transfer what that study trains
 * @param lossArchs the architectures trained with mean squared error as well
 */
public record PresetBudget(
    int trainingImages,
    Map<String, Integer> epochs,
    int otherEpochs,
    int seeds,
    List<String> imbalanceProfiles,
    List<String> imbalanceMitigations,
    int robustnessImages,
    List<String> transferArchs,
    TransferPlan transfer,
    List<String> lossArchs) {

  /** Shift augmentation of ResNet-20, which overfits the unaugmented set within a few epochs. */
  private static final Map<String, Integer> SHIFT = Map.of("resnet", 2);

  private static final Map<String, Integer> STANDARD_EPOCHS =
      Map.of("mlp", 20, "cnn", 30, "secnn", 30, "resnet", 15, "vgg", 12);
  private static final List<String> STANDARD_PROFILES = List.of("exp-rho100");
  private static final List<String> STANDARD_MITIGATIONS = List.of("none", "reweight");

  /** VGG is the architecture of the transfer experiment the study reproduces. */
  private static final List<String> TRANSFER_ARCHS = List.of("vgg");

  /**
   * 100 labelled images per class is where a pretrained base is expected to help most, and costs
   * little: the standard preset's one budget. Full adds 1,000 per class and all of them.
   */
  private static final TransferPlan.LabelBudget HUNDRED_PER_CLASS =
      new TransferPlan.LabelBudget(100, 30);

  public static PresetBudget of(Preset preset) {
    return switch (preset) {
      // Proves that every stage runs on every architecture and engine; the figures mean nothing.
      // Re-weighting only: plain training is what the train stage just exercised, and every
      // setting costs three passes over the validation and test sets.
      case SMOKE -> new PresetBudget(3_000, Map.of(), 1, 1, STANDARD_PROFILES, List.of("reweight"),
          500, TRANSFER_ARCHS,
          new TransferPlan(1, List.of(new TransferPlan.LabelBudget(100, 2))), List.of("mlp"));
      case QUICK -> new PresetBudget(10_000, Map.of(), 2, 1, STANDARD_PROFILES, STANDARD_MITIGATIONS,
          2_000, TRANSFER_ARCHS,
          new TransferPlan(2, List.of(new TransferPlan.LabelBudget(100, 10))), List.of("mlp"));
      // Pretraining on the source half's 24,300 images for 8 epochs costs about a third of vgg's
      // own training; the three regimes on 500 images cost little beside it.
      case STANDARD -> new PresetBudget(0, STANDARD_EPOCHS, Defaults.EPOCHS, 1, STANDARD_PROFILES,
          STANDARD_MITIGATIONS, 0, TRANSFER_ARCHS, new TransferPlan(8, List.of(HUNDRED_PER_CLASS)),
          List.of("mlp"));
      case FULL -> new PresetBudget(0, STANDARD_EPOCHS, Defaults.EPOCHS, 3,
          List.of("exp-rho10", "exp-rho100", "step-rho10"),
          List.of("none", "reweight", "oversample"), 0, TRANSFER_ARCHS,
          new TransferPlan(12, List.of(HUNDRED_PER_CLASS, new TransferPlan.LabelBudget(1_000, 20),
              new TransferPlan.LabelBudget(0, 12))),
          List.of("mlp", "cnn"));
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
