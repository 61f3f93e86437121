package org.archbench.schema.training;

/** How the learning rate moves over the run, as a function of the optimiser step. */
public enum LearningRateSchedule {
  /** The base rate throughout. */
  CONSTANT {
    @Override
    public double at(double base, long step, long totalSteps) {
      return base;
    }
  },
  /** Cosine annealing from the base rate to zero over the whole run (Loshchilov and Hutter). */
  COSINE {
    @Override
    public double at(double base, long step, long totalSteps) {
      return base * 0.5 * (1 + Math.cos(Math.PI * progress(step, totalSteps)));
    }
  },
  /**
   * One-cycle (Smith): a linear warm-up from base/25 to base over the first 30% of steps, then cosine
   * annealing down to base/10^4, as PyTorch's OneCycleLR does by default.
   */
  ONE_CYCLE {
    @Override
    public double at(double base, long step, long totalSteps) {
      double progress = progress(step, totalSteps);
      double initial = base / 25;
      if (progress < WARM_UP_SHARE) {
        return initial + (base - initial) * progress / WARM_UP_SHARE;
      }
      double annealing = (progress - WARM_UP_SHARE) / (1 - WARM_UP_SHARE);
      double last = initial / 1e4;
      return last + (base - last) * 0.5 * (1 + Math.cos(Math.PI * annealing));
    }
  };

  private static final double WARM_UP_SHARE = 0.3;

  /**
   * The learning rate for optimiser step {@code step} (0-based) of {@code totalSteps}.
   *
   * @param base the configured learning rate
   */
  public abstract double at(double base, long step, long totalSteps);

  private static double progress(long step, long totalSteps) {
    return totalSteps <= 1 ? 0 : Math.min(1, (double) step / (totalSteps - 1));
  }
}
