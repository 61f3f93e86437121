package org.archbench.schema.jmh;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a paired comparison of two configurations' cost says, in three ways and no fourth: one is
 * cheaper, they are equivalent within the margin, or the measurement has not decided yet.
 * "The interval covers 1" alone is never read as equal: with a wide interval it means unknown.
 */
public enum ComparisonVerdict {
  /** The first configuration is cheaper: the ratio's 95% interval excludes 1 on its side. */
  A_CHEAPER("a cheaper"),
  /** The second configuration is cheaper. */
  B_CHEAPER("b cheaper"),
  /**
   * Equivalent within the margin by two one-sided tests at 5%: the ratio's 90% interval lies
   * inside [1/(1+margin), 1+margin].
   */
  EQUIVALENT("equivalent"),
  /** Neither: more blocks would be needed to tell. */
  UNDECIDED("undecided");

  private final String label;

  ComparisonVerdict(String label) {
    this.label = label;
  }

  /** What the result files, the report and the console write. */
  @JsonValue
  public String label() {
    return label;
  }

  /** Whether the measurement decided: a winner beyond the margin, or equivalence within it. */
  public boolean decided() {
    return this != UNDECIDED;
  }
}
