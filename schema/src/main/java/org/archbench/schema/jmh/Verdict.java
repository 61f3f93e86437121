package org.archbench.schema.jmh;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a cost figure can be trusted, shown beside it wherever it is shown. */
public enum Verdict {
  /** Its 95% interval is within its precision target. */
  OK("ok"),
  /** It has an interval, wider than its target: the machine was noisy, or the budget short. */
  NOISY("noisy"),
  /**
   * Too few forks for an interval (fewer than {@link Estimate#MINIMUM_FORKS}), or too few samples
   * for its percentile to mean anything ({@link Estimate#minimumSamples}).
   */
  TOO_FEW_SAMPLES("too few samples"),
  /**
   * A fork's warm-up never reached steady state within its cap: the figure may hold the
   * transient of the first calls, whatever its interval.
   */
  NOT_STEADY("not steady");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** What the report, the summary and the result files write. */
  @JsonValue
  public String label() {
    return label;
  }
}
