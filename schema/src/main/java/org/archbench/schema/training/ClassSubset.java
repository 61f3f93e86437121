package org.archbench.schema.training;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of the dataset's classes a training run learns, and how many labelled training images of
 * each: a task of its own, as the transfer-learning study's source and target halves are. Label
 * {@code i} of the task is the dataset's class {@code classes.get(i)}; validation and test keep
 * every image of those classes.
 *
 * @param classes the dataset's class indices the task keeps, in the task's label order; empty for
 *     every class
 * @param imagesPerClass training images per class, a seeded draw from each class's share of the
 *     training split; 0 for all of them
 */
public record ClassSubset(List<Integer> classes, int imagesPerClass) {

  /** Every class, every image: the dataset's own task. */
  public static final ClassSubset ALL = new ClassSubset(List.of(), 0);

  public ClassSubset {
    classes = classes == null ? List.of() : List.copyOf(classes);
    Set<Integer> distinct = new HashSet<>();
    for (int c : classes) {
      if (c < 0 || !distinct.add(c)) {
        throw new IllegalArgumentException(
            "expected distinct class indices >= 0, found " + classes);
      }
    }
    if (classes.size() == 1) {
      throw new IllegalArgumentException(
          "expected at least two classes to tell apart, found only class " + classes.get(0));
    }
    if (imagesPerClass < 0) {
      throw new IllegalArgumentException(
          "expected images per class >= 0 (0 for all), found " + imagesPerClass);
    }
  }

  /** {@code classes} with every training image of each. */
  public static ClassSubset of(List<Integer> classes) {
    return new ClassSubset(classes, 0);
  }

  /** These classes, with {@code perClass} training images of each (0 for all). */
  public ClassSubset withImagesPerClass(int perClass) {
    return new ClassSubset(classes, perClass);
  }

  /** Whether this keeps every class and every image. */
  @JsonIgnore // derived, not a field of the recorded configuration
  public boolean isAll() {
    return classes.isEmpty() && imagesPerClass == 0;
  }
}
