package org.archbench.harness.training;

/** The loss became NaN or infinite: training stops rather than save a broken model. */
public final class TrainingDivergedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TrainingDivergedException(String message) {
    super(message);
  }
}
