package org.archbench.harness.robustness;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.engine.BatchedInference;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.InferenceEngine;
import org.archbench.harness.model.ModelFiles;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.robustness.RobustnessReport;

/**
 * Measures one model's accuracy on the clean test set and on every corrupted copy of it, the
 * conditions spread over workers that each run their own session of the model on their share of
 * the cores: small models' operators keep one core busy better than two, so two sessions of one
 * thread side by side classify more images a second than one session of two.
 */
public final class RobustnessEvaluation {

  private final int workers;
  private final EngineSettings perWorker;

  /** @param settings the engine settings of one session using every core given to the study */
  public RobustnessEvaluation(EngineSettings settings) {
    this.workers = settings.intraOpThreads();
    this.perWorker = new EngineSettings(settings.device(), 1, settings.interOpThreads(),
        settings.optimization());
  }

  /** The clean accuracy first, then the accuracy under every condition. */
  public record Accuracies(double clean, List<RobustnessReport.ConditionAccuracy> conditions) {}

  /**
   * {@code files}' accuracies under every condition, in {@link CorruptedTestSets.Condition#all()}
   * order.
   *
   * @throws IOException if the model cannot be opened or a corrupted set read
   */
  public Accuracies measure(ModelFiles files, EngineKind kind, CorruptedTestSets sets,
      LabeledImages test) throws IOException {
    List<CorruptedTestSets.Condition> conditions = CorruptedTestSets.Condition.all();
    // Slot 0 is the clean set; slot i + 1 is condition i.
    double[] accuracies = new double[conditions.size() + 1];
    AtomicInteger next = new AtomicInteger();
    int classes = files.spec().classes();
    ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
      Thread thread = new Thread(runnable, "robustness-" + files.spec().id());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (int worker = 0; worker < workers; worker++) {
        running.add(pool.submit(() -> {
          try (InferenceEngine engine = kind.open(files, perWorker)) {
            for (int slot = next.getAndIncrement(); slot < accuracies.length;
                slot = next.getAndIncrement()) {
              float[] pixels =
                  slot == 0 ? test.pixels() : sets.images(conditions.get(slot - 1));
              accuracies[slot] = accuracy(engine, pixels, test, classes);
            }
          }
          return null;
        }));
      }
      for (Future<Void> worker : running) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while measuring " + files.spec().id(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("measuring " + files.spec().id() + " failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    List<RobustnessReport.ConditionAccuracy> measured = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      CorruptedTestSets.Condition condition = conditions.get(i);
      measured.add(new RobustnessReport.ConditionAccuracy(condition.corruption().id(),
          condition.severity(), condition.corruption().level(condition.severity()),
          accuracies[i + 1]));
    }
    return new Accuracies(accuracies[0], measured);
  }

  /** Accuracy of {@code engine} on {@code pixels}, images labelled as {@code test}'s. */
  static double accuracy(InferenceEngine engine, float[] pixels, LabeledImages test, int classes) {
    LabeledImages images =
        new LabeledImages(test.count(), test.rows(), test.cols(), pixels, test.labels());
    return (double) BatchedInference.correct(
        BatchedInference.logits(engine, images, classes), images, classes) / images.count();
  }
}
