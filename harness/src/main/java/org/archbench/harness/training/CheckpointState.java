package org.archbench.harness.training;

import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.TrainingReport;
import java.util.List;

/**
 * What a checkpoint knows besides the weights and the optimiser's moments.
 *
 * @param key the run it belongs to; a checkpoint of another run is never resumed
 * @param epochsDone finished epochs
 * @param stepsDone optimiser steps taken
 * @param report training/&lt;arch&gt;.json as it stood after the last finished epoch
 */
public record CheckpointState(TrainingKey key, int epochsDone, long stepsDone, TrainingReport report) {}
