package org.archbench.app.cli;

import org.archbench.harness.training.Backbone;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.archbench.harness.Defaults;
import org.archbench.harness.PresetBudget;
import org.archbench.harness.SeedRuns;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.training.FinalAccuracy;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.LossFunction;
import org.archbench.harness.training.ModelTrainer;
import org.archbench.harness.training.TrainingSpeed;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.run.TrainingSpeeds;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.TrainingReport;
import org.archbench.schema.training.Transfer;
import org.archbench.models.spec.Architectures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archbench train}: trains architectures on DJL's PyTorch engine, or reuses them. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Train architectures on DJL's PyTorch engine and save them under OUT/models/<arch>/.",
      "A model trained before with the same spec, config, dataset and seed is reused."
    })
final class TrainCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataOptions data;

  @Mixin private ArchOptions archOptions;

  @Option(names = "--epochs",
      description = "Epochs (default: the preset's; standard: mlp 20, cnn 15, secnn 12, resnet 8,"
          + " vgg 6).")
  private Integer epochs;

  @Option(names = "--batch", defaultValue = "" + Defaults.BATCH_SIZE,
      description = "Images per step (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(names = "--lr",
      description = "Adam's base learning rate, the peak of one-cycle (default: the preset's;"
          + " standard: mlp 1e-3, the others 3e-3).")
  private Float learningRate;

  @Option(names = "--weight-decay", defaultValue = "0",
      description = "L2 weight decay (default: ${DEFAULT-VALUE}).")
  private float weightDecay;

  @Option(names = "--loss", defaultValue = "CROSS_ENTROPY",
      description = "CROSS_ENTROPY, or SOFTMAX_MSE (mean squared error on the softmax) (default: ${DEFAULT-VALUE}).")
  private LossFunction loss;

  @Option(names = "--schedule",
      description = "Learning-rate schedule: ${COMPLETION-CANDIDATES} (default: the preset's;"
          + " standard: COSINE for mlp, ONE_CYCLE for the others).")
  private LearningRateSchedule schedule;

  @Option(names = "--shift", paramLabel = "PIXELS",
      description = "Augment: random shift of up to PIXELS, zero-filled (default: 1 for resnet,"
          + " else 0).")
  private Integer shift;

  @Option(names = "--flip", description = "Augment: random horizontal flip.")
  private boolean flip;

  @Option(names = "--limit", paramLabel = "N",
      description = "Train on N images of the training split only; 0 for all (default: the"
          + " preset's; smoke 3000, quick 10000, else all).")
  private Integer limit;

  @Option(names = "--seed", defaultValue = "" + Defaults.SEED,
      description = "Master seed (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--device", defaultValue = "cpu",
      description = "cpu or gpu; gpu fails at once without a CUDA GPU (default: ${DEFAULT-VALUE}).")
  private String device;

  @Mixin private OutputOptions output;

  @Mixin private SeedOptions seedOptions;

  @Mixin private PresetOptions preset;

  @Option(names = "--init-from", paramLabel = "DIR",
      description = "Transfer learning: start the feature layers from the trained model in DIR"
          + " (a models/<arch>/ directory written by archbench).")
  private Path initFrom;

  @Option(names = "--freeze", paramLabel = "features",
      description = "With --init-from: `features` trains only the classifier head (feature"
          + " extraction) during --epochs.")
  private String freeze;

  @Option(names = "--fine-tune-epochs", defaultValue = "0", paramLabel = "N",
      description = "After the frozen epochs, N more with everything unfrozen (default: 0).")
  private int fineTuneEpochs;

  @Option(names = "--fine-tune-lr", defaultValue = "1e-4",
      description = "Base learning rate of fine-tuning, cosine-annealed (default: ${DEFAULT-VALUE}).")
  private float fineTuneLearningRate;

  @Option(names = "--resume", description = "Continue an interrupted run from its last checkpoint.")
  private boolean resume;

  @Option(names = "--force", description = "Train even if a matching trained model exists.")
  private boolean force;

  @Option(names = "--measure-speed", paramLabel = "FILE",
      description = "Instead of training, time a few training steps of each architecture on this"
          + " machine and write the images/s to FILE (JSON); the pipeline plans from it.")
  private Path speedFile;

  /** Timed steps of each architecture: enough to smooth one slow step, short beside an epoch. */
  private static final java.time.Duration SPEED_PROBE_TIME = java.time.Duration.ofSeconds(2);

  @Override
  public Integer call() throws DatasetException, java.io.IOException {
    List<String> archs = archOptions.ids();
    PresetBudget budget = preset.budget();
    ComputeDevice computeDevice = ComputeDevice.byId(device);
    Transfer transfer = transfer();
    LoadedDataset dataset = data.load();
    OutputLayout layout = data.layout(output.layout());
    SeedRuns seeds = seedOptions.from(seed, budget);
    if (speedFile != null) {
      return measureSpeed(archs, budget, computeDevice, transfer, dataset);
    }
    for (String arch : archs) {
      TrainingConfig config = config(arch, budget, computeDevice, transfer);
      for (long runSeed : seeds.seeds()) {
        ModelTrainer.Outcome outcome =
            new ModelTrainer(Architectures.byId(arch), config.withSeed(runSeed), dataset,
                seeds.layout(layout, runSeed)).train(resume, force);
        print(arch, runSeed, outcome);
      }
    }
    return 0;
  }

  private TrainingConfig config(
      String arch, PresetBudget budget, ComputeDevice computeDevice, Transfer transfer) {
    PresetBudget.Recipe recipe = budget.recipe(arch);
    return new TrainingConfig(
        epochs != null ? epochs : recipe.epochs(), batchSize,
        learningRate != null ? learningRate : recipe.learningRate(), weightDecay, loss,
        schedule != null ? schedule : recipe.schedule(),
        new Augmentation(shift != null ? shift : recipe.shift(), flip),
        limit != null ? limit : budget.trainingImages(), seed, computeDevice, transfer,
        LongTail.BALANCED, ClassSubset.ALL);
  }

  /** Times a few training steps of each architecture instead of training, into the speed file. */
  private int measureSpeed(List<String> archs, PresetBudget budget, ComputeDevice computeDevice,
      Transfer transfer, LoadedDataset dataset) throws java.io.IOException {
    var printer = spec.commandLine().getOut();
    List<TrainingSpeeds.ArchSpeed> speeds = new java.util.ArrayList<>();
    for (String arch : archs) {
      double secondsPerImage = TrainingSpeed.secondsPerImage(Architectures.byId(arch),
          config(arch, budget, computeDevice, transfer), dataset, SPEED_PROBE_TIME);
      speeds.add(new TrainingSpeeds.ArchSpeed(arch, secondsPerImage));
      int threads = TrainingSpeed.intraOpThreads();
      printer.printf(Locale.ROOT, "%-8s %.0f training images/s on %d thread%s%n", arch,
          1 / secondsPerImage, threads, threads == 1 ? "" : "s");
      printer.flush();
    }
    JsonFiles.write(speedFile, new TrainingSpeeds(TrainingSpeed.intraOpThreads(), speeds,
        java.time.Instant.now().toString()));
    return 0;
  }

  private void print(String arch, long runSeed, ModelTrainer.Outcome outcome) {
    TrainingReport report = outcome.report();
    FinalAccuracy result = report.result();
    var printer = spec.commandLine().getOut();
    printer.printf(Locale.ROOT,
        "%-8s %s%s: train %.2f%%, validation %.2f%%, test %.2f%%, gap %.2f points, %d epochs,"
            + " %.1f s/epoch, %.0f img/s%n",
        arch, outcome.reused() ? "reused" : "trained", runSeed == seed ? "" : " (seed " + runSeed + ")",
        100 * result.train(), 100 * result.validation(), 100 * result.test(),
        100 * result.trainValidationGap(), report.epochs().size(),
        report.totalTrainSeconds() / report.epochs().size(),
        report.epochs().stream().mapToDouble(e -> e.imagesPerSecond()).average().orElse(0));
    printer.flush();
  }

  private Transfer transfer() throws java.io.IOException {
    boolean freezeFeatures = freeze != null;
    if (freezeFeatures && !freeze.equals("features")) {
      throw new IllegalArgumentException("--freeze: expected `features`, found '" + freeze + "'");
    }
    if (initFrom == null) {
      return new Transfer("", "", freezeFeatures, fineTuneEpochs, fineTuneLearningRate);
    }
    return Backbone.transferFrom(initFrom, freezeFeatures, fineTuneEpochs, fineTuneLearningRate);
  }
}
