package org.archbench.harness.training;

import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelStore;
import org.archbench.harness.engine.Cuda;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.evaluation.TestPredictions;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.training.EngineInfo;
import org.archbench.schema.training.EpochRecord;
import org.archbench.schema.training.FinalAccuracy;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.Mitigation;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.TrainingReport;
import org.archbench.schema.training.Transfer;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.Seeds;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.data.StratifiedSplit;
import org.archbench.schema.io.JsonFiles;
import org.archbench.harness.memory.ProcessMemory;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.ArchitectureSpecJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one architecture on DJL's PyTorch engine: Adam, a learning-rate schedule, seeded batch order,
 * dropout and augmentation, a checkpoint after every epoch, and training/&lt;arch&gt;.json rewritten
 * after every epoch.
 *
 * <p>Reproducibility and exact resumption rest on one rule: everything random in epoch {@code e}
 * (batch order, augmentation, dropout masks) is drawn from streams seeded for epoch {@code e} alone,
 * so an epoch run after a resume draws exactly what it would have drawn in an uninterrupted run.
 *
 * <p>Native memory stays flat because every step's tensors live in a sub-manager closed at the end
 * of the step; only the weights, their gradients and Adam's moments persist.
 *
 * <p>This class is the epoch loop; whether a stored model is reused is {@link TrainingReuse}'s
 * question, where the loop starts (afresh or from a checkpoint) {@link TrainingResume}'s, and what
 * it shows while it runs {@link TrainingProgress}'s.
 */
public final class ModelTrainer {

  /** DJL's name of the engine archbench trains on. */
  public static final String ENGINE = ModelFiles.DJL_ENGINE;

  private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);
  private static final int EVALUATION_BATCH = 500;

  /**
   * Training images the final train accuracy is measured on. As many as the validation split holds,
   * so the train-validation gap compares two estimates of one precision: at 95% accuracy each has a
   * standard error of about 0.3 points and the gap about 0.4, a tenth of the gaps the canonical
   * architectures show, for a ninth of a pass over all 54,000.
   */
  static final int TRAIN_ACCURACY_SAMPLE = 6_000;

  private final ArchitectureSpec spec;
  private final TrainingConfig config;
  private final LoadedDataset data;
  private final OutputLayout layout;
  private final TrainingKey key;
  private final TrainingProgress progress;
  private EpochListener epochListener = record -> {};
  private boolean everyEpochValidated = true;

  /** Told about every epoch once its checkpoint and training JSON are on disk. */
  @FunctionalInterface
  public interface EpochListener {
    void epochSaved(EpochRecord record);
  }

  /**
   * How a call to {@link #train} ended: with a fresh model, or by reusing a stored one.
   *
   * @param test a fresh model's predictions on the task's test images, from the pass that measured
   *     its final test accuracy; empty for a reused model
   */
  public record Outcome(TrainingReport report, boolean reused, Optional<TestPredictions> test) {

    public Outcome {
      Objects.requireNonNull(test, "test");
    }

    /**
     * The model's predictions on {@code images}, the task's test images: those of the final pass
     * when this training made the model, else a pass of {@code engine} over the stored model.
     */
    public TestPredictions testPredictions(EngineKind engine, ModelFiles files,
        EngineSettings settings, LabeledImages images) throws IOException {
      if (test.isEmpty()) {
        return TestPredictions.of(engine, files, settings, images);
      }
      if (test.get().labels().length != images.count()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "expected the %d test images the model was trained for, found %d",
            test.get().labels().length, images.count()));
      }
      return test.get();
    }
  }

  public ModelTrainer(
      ArchitectureSpec spec, TrainingConfig config, LoadedDataset data, OutputLayout layout) {
    this.spec = spec;
    this.config = config;
    // The task's own images and labels: every figure of the run is on the classes it learns.
    this.data = data.restrictedTo(config.classSubset());
    if (spec.classes() != this.data.classCount()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: expected a network with one logit per class of the task (%d: %s), found %d logits",
          spec.id(), this.data.classCount(), this.data.classNames(), spec.classes()));
    }
    this.layout = layout;
    this.progress = new TrainingProgress(spec.id(), config.totalEpochs());
    this.key =
        new TrainingKey(
            spec.id(), ArchitectureSpecJson.sha256(spec), config, this.data.fingerprint(),
            TrainingKey.FORMAT);
  }

  public TrainingKey key() {
    return key;
  }

  /** Sets the listener told about each saved epoch (e.g. to report progress, or in tests to crash). */
  public ModelTrainer setEpochListener(EpochListener listener) {
    this.epochListener = listener;
    return this;
  }

  /**
   * Validates after the last epoch only, for a study that reads no learning curve. On the transfer
   * study's 500 training images, validating 2,700 after each epoch took four times the training.
   * The weights come out the same: a validation pass draws no random numbers and updates nothing.
   */
  public ModelTrainer validatingLastEpochOnly() {
    this.everyEpochValidated = false;
    return this;
  }

  /**
   * Trains, or reuses the stored model when its key matches.
   *
   * @param resume continue from the newest checkpoint of this same run, if there is one
   * @param force train even when a matching model is stored
   */
  public Outcome train(boolean resume, boolean force) throws IOException {
    ModelStore store = new ModelStore(layout.modelDirectory(spec.id()));
    Optional<TrainingReport> reusable = force ? Optional.empty() : new TrainingReuse(layout, spec.id(), key).reusableReport(store);
    if (reusable.isPresent()) {
      LOG.info(
          "Reusing the trained {} in {}: same spec, training config, dataset and seed"
              + " (--force retrains)",
          spec.id(),
          layout.modelDirectory(spec.id()));
      return new Outcome(reusable.get(), true, Optional.empty());
    }
    Device device = device();
    Engine engine = Engine.getEngine(ENGINE);
    StratifiedSplit split = data.trainValidationSplit(config.seed());
    TrainingSet trainingSet =
        TrainingSet.of(data.train(), split.trainIndices(), spec.classes(), config);
    int[] trainIndices = trainingSet.indices();
    int[] validationIndices = split.validationIndices();
    Checkpoints checkpoints = new Checkpoints(layout.checkpoints(spec.id()), spec.id());

    try (Model model = Model.newInstance(spec.id(), device, ENGINE)) {
      engine.setRandomSeed(seed32("init"));
      Block block = DjlBlocks.build(spec);
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, DjlBlocks.inputShape(spec, 1));
      Transfer transfer = config.transfer();
      if (!transfer.isNone()) {
        Backbone.copyFeatures(Path.of(transfer.initFrom()), spec, model);
        Backbone.freezeFeatures(spec, block, transfer.freezeFeatures());
      }
      Adam adam = new Adam(config.weightDecay());

      TrainingResume.Start start = new TrainingResume(spec, config, key).startOrResume(checkpoints, resume, model, adam, engineInfo(engine, device), trainIndices.length);
      TrainingReport report = start.report();
      long step = start.stepsDone();

      ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
      List<Pair<String, Parameter>> named = block.getParameters().stream().toList();
      BatchAssembler trainBatches = new BatchAssembler(data.train());
      Loss loss = loss();
      TrainingStep trainingStep =
          new TrainingStep(block, parameters, named, trainingLoss(trainingSet));
      long stepsPerEpoch = (trainingSet.epochSize() + config.batchSize() - 1) / config.batchSize();
      Phase main =
          new Phase(0, stepsPerEpoch * config.epochs(), config.learningRate(), config.schedule());
      Phase fineTuning =
          new Phase(main.steps(), stepsPerEpoch * transfer.fineTuneEpochs(),
              transfer.fineTuneLearningRate(), LearningRateSchedule.COSINE);

      for (int epoch = report.epochs().size() + 1; epoch <= config.totalEpochs(); epoch++) {
        Phase phase = epoch <= config.epochs() ? main : fineTuning;
        if (epoch == config.epochs() + 1) {
          // Fine-tuning: everything trains, with a fresh optimiser at the fine-tuning rate.
          Backbone.freezeFeatures(spec, block, false);
          adam = new Adam(config.weightDecay());
        }
        long trainStart = System.nanoTime();
        EpochTotals totals =
            trainEpoch(model, trainingStep, adam, trainBatches, trainingSet, epoch, step, phase);
        step += stepsPerEpoch;
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        long validationStart = System.nanoTime();
        EpochTotals validation = everyEpochValidated || epoch == config.totalEpochs()
            ? evaluate(model, block, parameters, trainBatches, loss, validationIndices) : null;
        double validationSeconds =
            validation == null ? 0 : (System.nanoTime() - validationStart) / 1e9;
        EpochRecord record =
            new EpochRecord(epoch, totals.meanLoss(), totals.accuracy(),
                validation == null ? null : validation.meanLoss(),
                validation == null ? null : validation.accuracy(), phase.rate(step - 1),
                trainSeconds, validationSeconds, trainingSet.epochSize() / trainSeconds,
                ProcessMemory.rssAnonBytes().orElse(-1), Runtime.getRuntime().totalMemory());
        List<EpochRecord> epochs = new ArrayList<>(report.epochs());
        epochs.add(record);
        report = TrainingResume.withEpochs(report, epochs, report.resumedAtEpochs());
        progress.epochDone(record);
        checkpoints.save(model, adam, new CheckpointState(key, epoch, step, report));
        JsonFiles.write(layout.trainingReport(spec.id()), report);
        epochListener.epochSaved(record);
      }

      // The last epoch's validation pass ran on the final weights: no need to run it again.
      double validationAccuracy =
          report.epochs().get(report.epochs().size() - 1).validationAccuracy();
      int[] predicted = new int[data.test().count()];
      FinalAccuracy result = finalAccuracy(model, block, parameters, loss, trainIndices,
          validationAccuracy, predicted);
      store.save(model, spec, key, config.totalEpochs());
      report = complete(report, result);
      JsonFiles.write(layout.trainingReport(spec.id()), report);
      checkpoints.clear();
      LOG.info(String.format(Locale.ROOT,
          "%s trained: train %.2f%%, validation %.2f%%, test %.2f%%, gap %.2f points; saved to %s",
          spec.id(), 100 * result.train(), 100 * result.validation(), 100 * result.test(),
          100 * result.trainValidationGap(), layout.modelDirectory(spec.id())));
      return new Outcome(report, false,
          Optional.of(TestPredictions.of(data.test(), predicted, spec.classes())));
    }
  }


  private EpochTotals trainEpoch(
      Model model, TrainingStep trainingStep, Adam adam, BatchAssembler batches,
      TrainingSet trainingSet, int epoch, long firstStep, Phase phase) {
    Engine.getEngine(ENGINE).setRandomSeed(seed32("dropout-epoch-" + epoch));
    int[] order =
        trainingSet.epochOrder(new Random(Seeds.derive(config.seed(), "order-epoch-" + epoch)));
    Random augmentation = new Random(Seeds.derive(config.seed(), "augment-epoch-" + epoch));
    EpochTotals totals = new EpochTotals();
    int batchCount = (order.length + config.batchSize() - 1) / config.batchSize();
    long started = System.nanoTime();
    try (ProgressBar bar = progress.epochBar(epoch, batchCount)) {
      for (int batch = 0; batch < batchCount; batch++) {
        int from = batch * config.batchSize();
        int to = Math.min(order.length, from + config.batchSize());
        long step = firstStep + batch;
        try (NDManager stepManager = model.getNDManager().newSubManager()) {
          NDList inputs =
              batches.assemble(stepManager, order, from, to, config.augmentation(), augmentation);
          TrainingStep.Result result =
              trainingStep.run(inputs, adam, phase.rate(step), phase.adamStep(step));
          if (!Float.isFinite(result.loss())) {
            throw new TrainingDivergedException(String.format(Locale.ROOT,
                "%s: the loss became %s at epoch %d, batch %d of %d (learning rate %.3g): expected"
                    + " a finite loss. Lower --lr (now %s) or check the input data.",
                spec.id(), result.loss(), epoch, batch + 1, batchCount,
                phase.rate(step), config.learningRate()));
          }
          totals.add(result.loss(), to - from, result.correct());
        }
        bar.step();
        double seconds = (System.nanoTime() - started) / 1e9;
        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f, %.0f img/s",
            totals.meanLoss(), totals.images() / seconds));
      }
    }
    return totals;
  }


  /** Mean loss and accuracy over {@code indices} of {@code batches}' images, inference mode. */
  private EpochTotals evaluate(
      Model model, Block block, ParameterStore parameters, BatchAssembler batches, Loss loss,
      int[] indices) {
    return evaluate(model, block, parameters, batches, loss, indices, null);
  }

  /**
   * As {@link #evaluate(Model, Block, ParameterStore, BatchAssembler, Loss, int[])}, writing the
   * predicted class of the image {@code indices[i]} to {@code predicted[i]} unless it is null.
   */
  private EpochTotals evaluate(
      Model model, Block block, ParameterStore parameters, BatchAssembler batches, Loss loss,
      int[] indices, int[] predicted) {
    EpochTotals totals = new EpochTotals();
    for (int from = 0; from < indices.length; from += EVALUATION_BATCH) {
      int to = Math.min(indices.length, from + EVALUATION_BATCH);
      try (NDManager batchManager = model.getNDManager().newSubManager()) {
        NDList inputs =
            batches.assemble(batchManager, indices, from, to, Augmentation.NONE, null);
        NDArray logits = block.forward(parameters, new NDList(inputs.get(0)), false).singletonOrThrow();
        float batchLoss = loss.evaluate(new NDList(inputs.get(1)), new NDList(logits)).getFloat();
        NDArray classes = logits.argMax(1);
        long correct = classes.eq(inputs.get(1)).countNonzero().getLong();
        totals.add(batchLoss, to - from, correct);
        if (predicted != null) {
          long[] batchClasses = classes.toLongArray();
          for (int i = 0; i < batchClasses.length; i++) {
            predicted[from + i] = (int) batchClasses[i];
          }
        }
      }
    }
    return totals;
  }

  /** The final figures; each test image's predicted class goes to {@code predicted}. */
  private FinalAccuracy finalAccuracy(
      Model model, Block block, ParameterStore parameters, Loss loss, int[] trainIndices,
      double validationAccuracy, int[] predicted) {
    BatchAssembler train = new BatchAssembler(data.train());
    int[] measured = trainAccuracySample(trainIndices, config.seed());
    EpochTotals onTrain = evaluate(model, block, parameters, train, loss, measured);
    LabeledImages test = data.test();
    int[] all = new int[test.count()];
    Arrays.setAll(all, i -> i);
    EpochTotals onTest =
        evaluate(model, block, parameters, new BatchAssembler(test), loss, all, predicted);
    return new FinalAccuracy(onTrain.accuracy(), validationAccuracy, onTest.accuracy(),
        onTrain.accuracy() - validationAccuracy, onTest.meanLoss(), measured.length);
  }

  /**
   * The training images the final train accuracy is measured on: a seeded draw of
   * {@value #TRAIN_ACCURACY_SAMPLE}, or all of them when there are no more.
   */
  static int[] trainAccuracySample(int[] trainIndices, long seed) {
    if (trainIndices.length <= TRAIN_ACCURACY_SAMPLE) {
      return trainIndices;
    }
    int[] shuffled = trainIndices.clone();
    Seeds.shuffle(shuffled, new Random(Seeds.derive(seed, "train-accuracy-sample")));
    return Arrays.copyOf(shuffled, TRAIN_ACCURACY_SAMPLE);
  }

  private Device device() {
    if (config.device() == ComputeDevice.CPU) {
      return Device.cpu();
    }
    Cuda.require("--device gpu");
    return Device.gpu();
  }

  private EngineInfo engineInfo(Engine engine, Device device) {
    return new EngineInfo(engine.getEngineName(), engine.getVersion(), device.toString(),
        JniUtils.getNumThreads(), JniUtils.getNumInteropThreads());
  }

  /** The loss training minimises: {@link #loss()}, class-weighted when the config re-weights. */
  private Loss trainingLoss(TrainingSet trainingSet) {
    LongTail longTail = config.longTail();
    if (longTail.mitigation() != Mitigation.REWEIGHT) {
      return loss();
    }
    float[] weights = ClassBalancedWeights.of(trainingSet.classCounts(), longTail.beta());
    LOG.info("{}: class-balanced loss weights (beta {}) {}", spec.id(), longTail.beta(),
        Arrays.toString(weights));
    return new ClassWeightedCrossEntropyLoss(weights);
  }

  /** The unweighted objective, also the validation and test loss. */
  private Loss loss() {
    return switch (config.loss()) {
      case CROSS_ENTROPY -> Loss.softmaxCrossEntropyLoss();
      case SOFTMAX_MSE -> new SoftmaxMseLoss();
    };
  }

  private int seed32(String component) {
    return (int) Seeds.derive(config.seed(), component);
  }


  private static TrainingReport complete(TrainingReport report, FinalAccuracy result) {
    return new TrainingReport(report.arch(), report.key(), report.engine(), TrainingReport.COMPLETE,
        report.epochs(), result, report.trainImages(), report.totalTrainSeconds(),
        report.resumedAtEpochs(), report.startedAt(), Instant.now().toString());
  }


}
