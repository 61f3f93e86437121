package org.archbench.app;

import java.util.List;
import org.archbench.harness.Preset;
import org.archbench.harness.PresetBudget;
import org.archbench.schema.run.TrainingSpeeds;

/**
 * The pipeline's estimate of each stage's wall time, from the work the preset gives it and the
 * training speed the lanes measured at the start of the train stage.
 *
 * <p>A training job's estimate is its {@link TrainingWork} at the measured speed in a lane; the
 * training stages together take as long as the {@link LaneQueue} of their jobs would at those
 * estimates. The other stages run inference, file work or JMH;
 * their estimates scale with the same measured speed by factors fitted to a fresh standard run on
 * a 2-core host (export 8 s, evaluate 62 s, robustness 741 s, with channels-last training
 * batches), or follow the JMH budget. The factors hold only while training's and inference's
 * costs keep their ratio: a change that speeds up one of them must refit them. The pipeline
 * corrects every later estimate by how the finished stages compared with theirs.
 */
final class StageEstimates {

  /**
   * One lane on every core against one lane's threads while the other lane trains too: on a 2-core
   * host, one training on two threads ran 1.4x (resnet) to 1.9x (vgg) the images/s of one on one
   * thread beside another.
   */
  static final double ONE_LANE_SPEEDUP = 1.5;

  private final TrainingSpeeds speeds;
  private final TrainingWork work;
  private final PresetBudget budget;
  private final Preset preset;
  private final int cores;

  StageEstimates(TrainingSpeeds speeds, TrainingWork work, Preset preset, int cores) {
    this.speeds = speeds;
    this.work = work;
    this.budget = PresetBudget.of(preset);
    this.preset = preset;
    this.cores = cores;
  }

  /** Seconds per training image of {@code arch} in a lane, the mean of the others if unmeasured. */
  double secondsPerImage(String arch) {
    return speeds.secondsPerImage(arch).orElseGet(() -> speeds.archs().stream()
        .mapToDouble(TrainingSpeeds.ArchSpeed::secondsPerImage).average().orElse(1e-3));
  }

  /**
   * The training work of {@code stage} for {@code archs} in estimated seconds on one lane's
   * threads, one after the other, leaving out the {@code trained} models the train stage reuses.
   */
  double workSeconds(String stage, List<String> archs, List<String> trained) {
    return archs.stream()
        .filter(arch -> !(stage.equals("train") && trained.contains(arch)))
        .flatMap(arch -> work.of(stage, List.of(arch)).stream())
        .mapToDouble(training -> training.seconds(secondsPerImage(training.arch())))
        .sum();
  }

  /**
   * The estimated wall time of the job that runs {@code stage} for {@code arch} in one of
   * {@code lanes}, its JVM's start included; a lone lane has every core.
   */
  double jobSeconds(String stage, String arch, LanePlan lanes, List<String> trained) {
    double speedup = lanes.count() == 1 && cores > 1 ? ONE_LANE_SPEEDUP : 1;
    return JVM_START_SECONDS + workSeconds(stage, List.of(arch), trained) / speedup;
  }

  /** The estimated wall time of {@code stage}, one that does not train, over {@code archs}. */
  double seconds(String stage, List<String> archs) {
    double perTestImage = archs.stream().mapToDouble(this::secondsPerImage).sum() / ONE_LANE_SPEEDUP;
    int robustnessImages = budget.robustnessImages() == 0 ? 10_000 : budget.robustnessImages();
    return JVM_START_SECONDS + switch (stage) {
      case "export" -> EXPORT_IMAGES * perTestImage;
      case "evaluate" -> EVALUATE_IMAGES * perTestImage;
      case "robustness" -> ROBUSTNESS_CONDITIONS * robustnessImages * ROBUSTNESS_SHARE * perTestImage;
      case "benchmarks" -> benchmarkSeconds();
      default -> 0;
    };
  }

  private static final double JVM_START_SECONDS = 3;
  /** Export's work in training images per architecture: the int8 calibration's 1,000 passes. */
  private static final double EXPORT_IMAGES = 1_200;
  /** Evaluation's: every engine and variant over the 10,000 test images, at inference's cost. */
  private static final double EVALUATE_IMAGES = 15_000;
  private static final int ROBUSTNESS_CONDITIONS = 72;
  /** Robustness's per corrupted image (both variants on ONNX Runtime, and the corruption). */
  private static final double ROBUSTNESS_SHARE = 0.26;

  /**
   * The benchmark stage: the forks' start and setup, the settling and pilot blocks, further blocks
   * within the preset's budget (JmhPreset), the one-thread forks and the cold starts, as measured
   * on a 2-core host.
   */
  private double benchmarkSeconds() {
    return switch (preset) {
      case SMOKE -> 165;
      case QUICK -> 8 * 60;
      // 30 configurations and 2 GEMMs: 3.5 min of starts and setups, 1.5 min of settling blocks,
      // 9 min of blocks, 4 min of one-thread and cold-start forks: 18m51s on a 2-core host.
      case STANDARD -> 19 * 60;
      case FULL -> 100 * 60;
    };
  }
}
