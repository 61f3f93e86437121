package org.archbench.schema.training;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What training does about a long-tailed class distribution. */
public enum Mitigation {
  /** Train on the long-tailed set as it is. */
  NONE("none"),
  /**
   * Class-balanced re-weighting (Cui et al., 2019): each class's loss is weighted by the inverse of
   * its effective number of samples (1 - beta^n) / (1 - beta), the weights summing to the number of
   * classes.
   */
  REWEIGHT("reweight"),
  /**
   * Random oversampling (Buda et al., 2018): every epoch repeats images of the smaller classes,
   * drawn with replacement, until each class has as many as the largest.
   */
  OVERSAMPLE("oversample");

  private final String id;

  Mitigation(String id) {
    this.id = id;
  }

  /** The name used on the command line and in file names. */
  public String id() {
    return id;
  }

  /** The mitigation named {@code id}, or an error listing the known ones. */
  public static Mitigation byId(String id) {
    for (Mitigation mitigation : values()) {
      if (mitigation.id.equals(id.toLowerCase(Locale.ROOT))) {
        return mitigation;
      }
    }
    throw new IllegalArgumentException(
        "expected a mitigation, one of "
            + Arrays.stream(values()).map(Mitigation::id).collect(Collectors.joining(", "))
            + ", found '" + id + "'");
  }
}
