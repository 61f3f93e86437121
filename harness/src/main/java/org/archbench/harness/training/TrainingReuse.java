package org.archbench.harness.training;

import java.io.IOException;
import java.util.Optional;
import org.archbench.harness.model.ModelStore;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.TrainingReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a training can be skipped: the stored model's key, and its complete training report's,
 * equal the key of the training asked for.
 */
final class TrainingReuse {

  private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);

  private final OutputLayout layout;
  private final String arch;
  private final TrainingKey key;

  TrainingReuse(OutputLayout layout, String arch, TrainingKey key) {
    this.layout = layout;
    this.arch = arch;
    this.key = key;
  }

  /** The stored report, if the stored model and its complete report were made under this key. */
  Optional<TrainingReport> reusableReport(ModelStore store) throws IOException {
    if (!store.holds(key)) {
      return Optional.empty();
    }
    try {
      TrainingReport stored = JsonFiles.read(layout.trainingReport(arch), TrainingReport.class);
      return stored.complete() && stored.key().equals(key) ? Optional.of(stored) : Optional.empty();
    } catch (IOException unreadable) {
      LOG.info("{}; {} will be trained again", unreadable.getMessage(), arch);
      return Optional.empty();
    }
  }
}
