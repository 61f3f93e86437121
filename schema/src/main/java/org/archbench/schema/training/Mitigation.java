package org.archbench.schema.training;

import java.util.List;
import org.archbench.schema.registry.Registry;

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
    return Registered.MITIGATIONS.byId(id);
  }

  /** Built after the constants, which an enum's own static fields cannot be. */
  private static final class Registered {
    static final Registry<Mitigation> MITIGATIONS =
        Registry.of("mitigation", List.of(values()), Mitigation::id);
  }
}
