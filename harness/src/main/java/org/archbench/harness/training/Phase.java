package org.archbench.harness.training;

import org.archbench.schema.training.LearningRateSchedule;

/**
 * A stretch of steps under one learning-rate schedule: the main epochs, or the fine-tuning ones.
 *
 * @param firstStep the global number of the phase's first step
 * @param steps how many steps the phase has
 * @param baseRate the schedule's base learning rate
 * @param schedule how the rate moves over the phase
 */
record Phase(long firstStep, long steps, double baseRate, LearningRateSchedule schedule) {

  double rate(long step) {
    return schedule.at(baseRate, step - firstStep, steps);
  }

  /** Adam's 1-based step count, restarted with each phase's fresh optimiser. */
  long adamStep(long step) {
    return step - firstStep + 1;
  }
}
