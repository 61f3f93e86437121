package org.archbench.schema.training;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * The class distribution a model trains on, and what training does about it. The balanced split is
 * {@link #BALANCED}: the exponential profile at rho = 1 (every class keeps all its images) with no
 * mitigation.
 *
 * @param profile how many images each class keeps
 * @param mitigation what training does about the imbalance
 * @param beta the class-balanced re-weighting's beta (Cui et al.), used by {@link Mitigation#REWEIGHT}
 */
public record LongTail(ImbalanceProfile profile, Mitigation mitigation, double beta) {

  /** Cui et al.'s choice for datasets of this size. */
  public static final double DEFAULT_BETA = 0.9999;

  /** The balanced training split, trained as it is. */
  public static final LongTail BALANCED =
      new LongTail(new ImbalanceProfile(ImbalanceProfile.Shape.EXPONENTIAL, 1), Mitigation.NONE,
          DEFAULT_BETA);

  public LongTail {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(mitigation, "mitigation");
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException("expected a re-weighting beta in [0, 1), found " + beta);
    }
  }

  /** {@code profile} trained with {@code mitigation} and the default beta. */
  public static LongTail of(ImbalanceProfile profile, Mitigation mitigation) {
    return new LongTail(profile, mitigation, DEFAULT_BETA);
  }

  /** Whether this is plain training on the balanced split. */
  @JsonIgnore // derived, not a field of the recorded configuration
  public boolean isBalanced() {
    return profile.rho() == 1 && mitigation == Mitigation.NONE;
  }

  /** A short name for directories and tables, e.g. {@code exp-rho100-reweight}. */
  public String id() {
    return profile.id() + "-" + mitigation.id();
  }
}
