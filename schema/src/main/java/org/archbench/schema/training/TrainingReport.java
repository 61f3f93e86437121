package org.archbench.schema.training;

import org.archbench.schema.io.MayBeAbsent;
import org.archbench.schema.io.ResultFormat;
import java.util.List;

/**
 * training/&lt;arch&gt;.json: the configuration, every epoch so far, and, once complete, the final
 * accuracies. Rewritten atomically after every epoch.
 *
 * @param arch the architecture id
 * @param key what the model depends on
 * @param engine the engine and device used
 * @param status {@code running} until the final accuracies are in, then {@code complete}
 * @param epochs one record per finished epoch
 * @param result the final accuracies; null while running
 * @param trainImages images in the training split used (after --limit)
 * @param totalTrainSeconds wall time of all training passes
 * @param resumedAtEpochs the epoch counts from which interrupted runs were resumed
 * @param startedAt ISO-8601 instant of the first start
 * @param finishedAt ISO-8601 instant of completion; null while running
 */
@ResultFormat(file = "training/<arch>.json", minor = 2)
public record TrainingReport(
    String arch,
    TrainingKey key,
    EngineInfo engine,
    String status,
    List<EpochRecord> epochs,
    @MayBeAbsent FinalAccuracy result,
    int trainImages,
    double totalTrainSeconds,
    List<Integer> resumedAtEpochs,
    String startedAt,
    @MayBeAbsent String finishedAt) {

  public static final String RUNNING = "running";
  public static final String COMPLETE = "complete";

  public TrainingReport {
    epochs = epochs == null ? List.of() : List.copyOf(epochs);
    resumedAtEpochs = resumedAtEpochs == null ? List.of() : List.copyOf(resumedAtEpochs);
  }

  public boolean complete() {
    return COMPLETE.equals(status) && result != null;
  }
}
