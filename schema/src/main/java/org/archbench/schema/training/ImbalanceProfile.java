package org.archbench.schema.training;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many training images each class keeps in a long-tailed study (Cui et al., 2019): the class at
 * tail rank i of C keeps n_i images out of the largest class's n_max.
 *
 * <ul>
 *   <li>{@link Shape#EXPONENTIAL}: n_i = floor(n_max * rho^(-i / (C - 1))), from n_max down to
 *       n_max / rho;
 *   <li>{@link Shape#STEP}: the first half of the ranks keep n_max, the second half floor(n_max / rho).
 * </ul>
 *
 * <p>Which class takes which rank is a seeded permutation, recorded with the results.
 *
 * @param shape exponential or step
 * @param rho the imbalance ratio, largest class over smallest, at least 1
 */
public record ImbalanceProfile(Shape shape, double rho) {

  /** The two profile shapes of the study. */
  public enum Shape {
    EXPONENTIAL,
    STEP
  }

  private static final Pattern ID = Pattern.compile("(exp|step)-rho([0-9]+(?:\\.[0-9]+)?)");

  public ImbalanceProfile {
    if (shape == null) {
      throw new IllegalArgumentException("expected a profile shape, found none");
    }
    if (!(rho >= 1) || Double.isInfinite(rho)) {
      throw new IllegalArgumentException(
          "expected an imbalance ratio rho >= 1 (largest over smallest class), found " + rho);
    }
  }

  /** A short name for files and tables, e.g. {@code exp-rho100}. */
  public String id() {
    return String.format(Locale.ROOT, "%s-rho%s", shape == Shape.EXPONENTIAL ? "exp" : "step",
        rho == Math.rint(rho) ? String.valueOf((long) rho) : String.valueOf(rho));
  }

  /**
   * The profile named by {@link #id()}, e.g. {@code exp-rho100} or {@code step-rho10}.
   *
   * @throws IllegalArgumentException naming the expected form, for anything else or rho &lt; 1
   */
  public static ImbalanceProfile parse(String id) {
    Matcher matcher = ID.matcher(id);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "expected an imbalance profile such as exp-rho100 or step-rho10 (exp or step, then -rho"
              + " and the ratio), found '" + id + "'");
    }
    Shape shape = matcher.group(1).equals("exp") ? Shape.EXPONENTIAL : Shape.STEP;
    return new ImbalanceProfile(shape, Double.parseDouble(matcher.group(2)));
  }

  /** Images kept per tail rank, rank 0 the largest class. */
  public int[] counts(int largest, int classes) {
    if (largest <= 0 || classes < 2) {
      throw new IllegalArgumentException(
          "expected a positive largest class and at least 2 classes, found " + largest + " and "
              + classes);
    }
    int[] counts = new int[classes];
    for (int rank = 0; rank < classes; rank++) {
      counts[rank] = switch (shape) {
        case EXPONENTIAL -> (int) Math.floor(largest * Math.pow(rho, -(double) rank / (classes - 1)));
        case STEP -> rank < classes / 2 ? largest : (int) Math.floor(largest / rho);
      };
    }
    return counts;
  }
}
