package org.archbench.harness.training;

import ai.djl.Model;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.schema.training.EngineInfo;
import org.archbench.schema.training.EpochRecord;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.TrainingReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a training starts: afresh, or after the newest checkpoint of this same run (its weights,
 * Adam's moments and the report so far), so a killed training goes on where it stopped.
 */
final class TrainingResume {

  private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);

  private final ArchitectureSpec spec;
  private final TrainingConfig config;
  private final TrainingKey key;

  TrainingResume(ArchitectureSpec spec, TrainingConfig config, TrainingKey key) {
    this.spec = spec;
    this.config = config;
    this.key = key;
  }

  /** Where the epoch loop starts: the report so far and the optimiser steps already taken. */
  record Start(TrainingReport report, long stepsDone) {}

  /**
   * Restores the newest checkpoint of this run when resuming and there is one (weights, Adam's
   * moments, the report so far); otherwise clears old checkpoints and starts an empty report.
   */
  Start startOrResume(
      Checkpoints checkpoints, boolean resume, Model model, Adam adam, EngineInfo engine,
      int trainImages) throws IOException {
    Optional<CheckpointState> checkpoint = resume ? checkpoints.latest(key) : Optional.empty();
    if (checkpoint.isEmpty()) {
      if (resume) {
        LOG.info("No checkpoint of this run of {} to resume; starting afresh", spec.id());
      }
      checkpoints.clear();
      return new Start(
          new TrainingReport(spec.id(), key, engine, TrainingReport.RUNNING, List.of(), null,
              trainImages, 0, List.of(), Instant.now().toString(), null),
          0);
    }
    CheckpointState state = checkpoint.get();
    if (state.epochsDone() > config.epochs()) {
      // The checkpoint is from fine-tuning, when nothing was frozen.
      Backbone.freezeFeatures(spec, model.getBlock(), false);
    }
    checkpoints.restore(model, adam, state.epochsDone());
    List<Integer> resumedAt = new ArrayList<>(state.report().resumedAtEpochs());
    resumedAt.add(state.epochsDone());
    LOG.info("Resuming {} after epoch {} of {}", spec.id(), state.epochsDone(), config.totalEpochs());
    return new Start(withEpochs(state.report(), state.report().epochs(), resumedAt), state.stepsDone());
  }

  static TrainingReport withEpochs(
      TrainingReport report, List<EpochRecord> epochs, List<Integer> resumedAt) {
    double seconds = epochs.stream().mapToDouble(EpochRecord::trainSeconds).sum();
    return new TrainingReport(report.arch(), report.key(), report.engine(), report.status(), epochs,
        report.result(), report.trainImages(), seconds, resumedAt, report.startedAt(),
        report.finishedAt());
  }
}
