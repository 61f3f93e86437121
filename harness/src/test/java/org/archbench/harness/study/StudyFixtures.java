package org.archbench.harness.study;

import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.Transfer;

/** The train stage's config the study tests start from: two short epochs on synthetic data. */
final class StudyFixtures {

  private StudyFixtures() {}

  static TrainingConfig trainStage(LossFunction loss) {
    return new TrainingConfig(2, 64, 1e-3f, 0, loss, LearningRateSchedule.COSINE,
        Augmentation.NONE, 0, 5, ComputeDevice.CPU, Transfer.NONE, LongTail.BALANCED,
        ClassSubset.ALL);
  }
}
