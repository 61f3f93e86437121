package org.archbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.archbench.harness.PresetBudget;
import org.archbench.harness.study.TransferPlan;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.training.EpochRecord;
import org.archbench.schema.training.ImbalanceProfile;
import org.archbench.schema.training.Mitigation;
import org.archbench.schema.training.TrainingReport;

/**
 * What the training stages of a run will train, in images and epochs, from the preset's budget: the
 * pipeline's estimate of each such stage's time is this work at the speed measured at the start, and
 * its progress is the epochs the stage's training reports hold so far, at the same speed.
 *
 * <p>The counts follow the studies' own rules (the balanced split's 5,400 images per class, a
 * long tail's counts from its profile, the transfer study's two halves of the classes) without
 * loading the dataset: they are for an estimate, and the epochs that finish correct it.
 */
final class TrainingWork {

  /** Images per class of the training split: 54,000 over 10 classes. */
  static final int IMAGES_PER_CLASS = 5_400;
  static final int CLASSES = 10;
  private static final int VALIDATION_IMAGES = 6_000;
  /** The final accuracy passes: a 6,000-image sample of the training split and the test set. */
  private static final int FINAL_PASS_IMAGES = 6_000 + 10_000;
  /** An inference pass costs about a third of a training step (forward only of forward, backward). */
  private static final double INFERENCE_SHARE = 1.0 / 3;

  /**
   * One planned training: {@code epochs} passes over {@code images} images of {@code arch}, each
   * validated, or only the last where {@code everyEpochValidated} is false (the studies').
   */
  record Training(String arch, long images, int epochs, boolean everyEpochValidated) {

    /** Estimated seconds at {@code secondsPerImage} training images, validation passes included. */
    double seconds(double secondsPerImage) {
      int validations = everyEpochValidated ? epochs : 1;
      return (epochs * images + validations * VALIDATION_IMAGES * INFERENCE_SHARE
          + FINAL_PASS_IMAGES * INFERENCE_SHARE) * secondsPerImage;
    }

    /** One epoch over {@code images}, and its validation pass if {@code validated}. */
    static double epochSeconds(long images, boolean validated, double secondsPerImage) {
      return (images + (validated ? VALIDATION_IMAGES * INFERENCE_SHARE : 0)) * secondsPerImage;
    }
  }

  private final PresetBudget budget;
  private final Map<String, String> properties;

  /**
   * @param properties the pipeline's bench.* settings: bench.epochs, bench.limit and bench.seeds
   *     override the preset as they do in the stages
   */
  TrainingWork(PresetBudget budget, Map<String, String> properties) {
    this.budget = budget;
    this.properties = properties;
  }

  /** The trainings of {@code stage} for {@code archs}; none for a stage that trains nothing. */
  List<Training> of(String stage, List<String> archs) {
    List<Training> trainings = new ArrayList<>();
    switch (stage) {
      case "train" -> archs.forEach(arch -> {
        for (int seed = 0; seed < seeds(); seed++) {
          trainings.add(new Training(arch, trainingImages(), epochs(arch), true));
        }
      });
      case "imbalance" -> archs.forEach(arch -> {
        for (String profile : budget.imbalanceProfiles()) {
          for (String mitigation : budget.imbalanceMitigations()) {
            trainings.add(
                new Training(arch, longTailImages(profile, mitigation), epochs(arch), false));
          }
        }
      });
      case "transfer" -> archs.stream().filter(budget.transferArchs()::contains).forEach(arch -> {
        TransferPlan plan = budget.transfer();
        int half = CLASSES / 2;
        long halfOfTheSplit = trainingImages() / 2;
        trainings.add(new Training(arch, halfOfTheSplit, plan.pretrainEpochs(), false));
        for (TransferPlan.LabelBudget labels : plan.budgets()) {
          long images = labels.imagesPerClass() == 0 ? halfOfTheSplit
              : Math.min(halfOfTheSplit, (long) half * labels.imagesPerClass());
          // Scratch, frozen and fine-tuned: three trainings of the budget's epochs.
          for (int regime = 0; regime < 3; regime++) {
            trainings.add(new Training(arch, images, labels.epochs(), false));
          }
        }
      });
      case "loss" -> archs.stream().filter(budget.lossArchs()::contains)
          .forEach(arch -> trainings.add(new Training(arch, trainingImages(), epochs(arch), true)));
      default -> { }
    }
    return trainings;
  }

  /**
   * The epochs a stage's training reports hold: the seconds they were estimated at and the seconds
   * they took (training and validation), so that their ratio is the speed measured so far.
   */
  record Done(double estimatedSeconds, double tookSeconds) {

    static final Done NOTHING = new Done(0, 0);

    /** How much longer the epochs took than estimated; NaN before any. */
    double speedRatio() {
      return estimatedSeconds > 0 ? tookSeconds / estimatedSeconds : Double.NaN;
    }
  }

  /**
   * The epochs the stage's training reports under {@code run} hold, written since
   * {@code sinceMillis} (a reused model's report is not rewritten, and counts as nothing done in a
   * stage whose estimate left it out), at {@code secondsPerImage}.
   */
  static Done done(Path run, String stage, long sinceMillis,
      ToDoubleFunction<String> secondsPerImage) {
    double estimated = 0;
    double took = 0;
    for (Path report : reports(run, stage)) {
      try {
        if (Files.getLastModifiedTime(report).toMillis() < sinceMillis) {
          continue;
        }
        TrainingReport training = JsonFiles.read(report, TrainingReport.class);
        double speed = secondsPerImage.applyAsDouble(training.arch());
        for (EpochRecord epoch : training.epochs()) {
          estimated += Training.epochSeconds(training.trainImages(), epoch.validated(), speed);
          took += epoch.trainSeconds() + epoch.validationSeconds();
        }
      } catch (IOException | RuntimeException unreadable) {
        // Being rewritten, or not a training report: the next look counts it.
      }
    }
    return new Done(estimated, took);
  }

  /**
   * What the stage is training now: each model whose report, written since {@code sinceMillis},
   * is still running, with the epochs it has done ("cnn epoch 4 of 15").
   */
  static String running(Path run, String stage, long sinceMillis) {
    List<String> running = new ArrayList<>();
    for (Path report : reports(run, stage)) {
      try {
        if (Files.getLastModifiedTime(report).toMillis() < sinceMillis) {
          continue;
        }
        TrainingReport training = JsonFiles.read(report, TrainingReport.class);
        int epochs = training.key().config().totalEpochs();
        if (!training.complete()) {
          running.add(training.epochs().size() < epochs
              ? String.format(Locale.ROOT, "%s epoch %d of %d", training.arch(),
                  training.epochs().size() + 1, epochs)
              : training.arch() + " final accuracy");
        }
      } catch (IOException | RuntimeException unreadable) {
        // Being rewritten: the next look reads it.
      }
    }
    return String.join(", ", running);
  }

  /** Whether {@code arch}'s model of the train stage is already trained in {@code run}. */
  static boolean trained(Path run, String arch) {
    Path report = run.resolve("training").resolve(arch + ".json");
    try {
      return Files.isRegularFile(report)
          && JsonFiles.read(report, TrainingReport.class).complete();
    } catch (IOException unreadable) {
      return false;
    }
  }

  /** The training reports a stage writes: training/ of the run and of each of its sub-runs. */
  private static List<Path> reports(Path run, String stage) {
    Path root = switch (stage) {
      case "train" -> run;
      case "imbalance" -> run.resolve("imbalance").resolve("runs");
      case "transfer" -> run.resolve("transfer").resolve("runs");
      case "loss" -> run.resolve("loss").resolve("runs");
      default -> null;
    };
    if (root == null || !Files.isDirectory(root)) {
      return List.of();
    }
    // The train stage's own reports, and its further seeds' (seeds/seed-n/training/); not the
    // studies' sub-runs, which are stages of their own.
    int depth = stage.equals("train") ? 4 : 5;
    try (Stream<Path> files = Files.find(root, depth, (path, attributes) ->
        attributes.isRegularFile() && path.getFileName().toString().endsWith(".json")
            && path.getParent().getFileName().toString().equals("training")
            && (!stage.equals("train") || isTrainStageReport(run, path)))) {
      return files.toList();
    } catch (IOException unreadable) {
      return List.of();
    }
  }

  private static boolean isTrainStageReport(Path run, Path report) {
    Path relative = run.relativize(report);
    return relative.getNameCount() == 2
        || (relative.getNameCount() == 4 && relative.getName(0).toString().equals("seeds"));
  }

  private int epochs(String arch) {
    String epochs = properties.getOrDefault("bench.epochs", "");
    return epochs.isBlank() ? budget.epochs(arch) : Integer.parseInt(epochs.trim());
  }

  private long trainingImages() {
    String limit = properties.getOrDefault("bench.limit", "");
    int images = limit.isBlank() ? budget.trainingImages() : Integer.parseInt(limit.trim());
    return images == 0 ? (long) CLASSES * IMAGES_PER_CLASS : images;
  }

  private int seeds() {
    String seeds = properties.getOrDefault("bench.seeds", "");
    return seeds.isBlank() ? budget.seeds() : Integer.parseInt(seeds.trim());
  }

  /** Images per epoch of a long tail: its counts, or every class at the largest's when oversampled. */
  private long longTailImages(String profile, String mitigation) {
    long perClassOfLargest = Math.min(trainingImages() / CLASSES, IMAGES_PER_CLASS);
    if (Mitigation.byId(mitigation) == Mitigation.OVERSAMPLE) {
      return perClassOfLargest * CLASSES;
    }
    int[] counts = ImbalanceProfile.parse(profile).counts((int) perClassOfLargest, CLASSES);
    long images = 0;
    for (int count : counts) {
      images += count;
    }
    return images;
  }
}
