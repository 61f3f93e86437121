package org.archbench.harness.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.archbench.harness.Seeds;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.schema.training.TrainingConfig;

/**
 * How fast an architecture trains on this machine, with the threads this process has: optimiser
 * steps on real training images, as training takes them ({@link TrainingStep}), timed after a
 * warm-up. A plan's estimate, not a result: the pipeline balances its lanes and computes its ETA
 * from it, and corrects both from the epochs as they finish.
 */
public final class TrainingSpeed {

  /** Steps before timing starts: the first allocate PyTorch's buffers and pick its kernels. */
  private static final int WARM_UP_STEPS = 2;

  /** Timed steps at least, and the least time they must take, so a fast model is not one tick. */
  private static final int MIN_STEPS = 3;

  private TrainingSpeed() {}

  /** PyTorch's intra-op threads in this process, which the speed was measured with. */
  public static int intraOpThreads() {
    return JniUtils.getNumThreads();
  }

  /**
   * Seconds per training image of {@code spec} under {@code config}, timed over at least
   * {@code budget} (and {@value #MIN_STEPS} steps) after {@value #WARM_UP_STEPS} warm-up steps.
   */
  public static double secondsPerImage(
      ArchitectureSpec spec, TrainingConfig config, LoadedDataset data, Duration budget) {
    int[] order = data.trainValidationSplit(config.seed()).trainIndices().clone();
    Seeds.shuffle(order, new Random(Seeds.derive(config.seed(), "speed-probe")));
    int batch = config.batchSize();
    try (Model model = Model.newInstance(spec.id(), Device.cpu(), ModelTrainer.ENGINE)) {
      Block block = DjlBlocks.build(spec);
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32, DjlBlocks.inputShape(spec, 1));
      List<Pair<String, Parameter>> named = block.getParameters().stream().toList();
      TrainingStep step = new TrainingStep(block, new ParameterStore(model.getNDManager(), false),
          named, Loss.softmaxCrossEntropyLoss());
      Adam adam = new Adam(config.weightDecay());
      BatchAssembler batches = new BatchAssembler(data.train());
      Random augmentation = new Random(Seeds.derive(config.seed(), "speed-probe-augment"));
      long started = 0;
      int timed = 0;
      for (int taken = 0; ; taken++) {
        if (taken == WARM_UP_STEPS) {
          started = System.nanoTime();
        }
        int from = (taken * batch) % (order.length - batch);
        try (NDManager stepManager = model.getNDManager().newSubManager()) {
          NDList inputs = batches.assemble(
              stepManager, order, from, from + batch, config.augmentation(), augmentation);
          step.run(inputs, adam, config.learningRate(), taken + 1);
        }
        if (taken >= WARM_UP_STEPS) {
          timed++;
          long elapsed = System.nanoTime() - started;
          if (timed >= MIN_STEPS && elapsed >= budget.toNanos()) {
            return elapsed / 1e9 / ((long) timed * batch);
          }
        }
      }
    }
  }
}
