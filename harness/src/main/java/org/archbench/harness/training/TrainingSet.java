package org.archbench.harness.training;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.archbench.harness.Seeds;
import org.archbench.harness.data.LabeledImages;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.Mitigation;
import org.archbench.schema.training.TrainingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training images one run learns from, and the order of each epoch.
 *
 * <p>From the training split it keeps a seeded draw of {@code --limit} images (smoke runs), then
 * the {@link org.archbench.schema.training.ClassSubset}'s images per class (a seeded draw of each
 * class), then the
 * long-tailed subset of the config's {@link LongTail}: the class at tail rank r keeps the first n_r of
 * its images in a seeded order, where the ranks are a seeded permutation of the classes and n is the
 * profile's counts from the largest class's size. Every epoch is a seeded shuffle of those images;
 * with {@link Mitigation#OVERSAMPLE} it first adds repeats of the smaller classes, drawn with
 * replacement, until every class is as large as the largest.
 */
public final class TrainingSet {

  private static final Logger LOG = LoggerFactory.getLogger(TrainingSet.class);

  private final int[] indices;
  private final int[] classCounts;
  private final int[] tailOrder;
  private final int[][] indicesByClass;
  private final boolean oversample;

  private TrainingSet(int[] indices, int[] tailOrder, LabeledImages images, int classes,
      boolean oversample) {
    this.indices = indices;
    this.tailOrder = tailOrder;
    this.oversample = oversample;
    this.indicesByClass = byClass(indices, images, classes);
    this.classCounts = Arrays.stream(indicesByClass).mapToInt(members -> members.length).toArray();
  }

  /**
   * The images of {@code trainIndices} that a run under {@code config} trains on.
   *
   * @throws IllegalArgumentException if the long tail leaves a class without images
   */
  public static TrainingSet of(
      LabeledImages images, int[] trainIndices, int classes, TrainingConfig config) {
    int[] limited = labelBudget(limited(trainIndices, config), images, classes, config);
    LongTail longTail = config.longTail();
    int[] tailOrder = new int[classes];
    Arrays.setAll(tailOrder, c -> c);
    if (longTail.profile().rho() == 1) {
      return new TrainingSet(limited, tailOrder, images, classes,
          longTail.mitigation() == Mitigation.OVERSAMPLE);
    }
    Seeds.shuffle(tailOrder, new Random(Seeds.derive(config.seed(), "long-tail-class-order")));
    int[][] byClass = byClass(shuffled(limited, Seeds.derive(config.seed(), "long-tail-draw")),
        images, classes);
    int largest = Arrays.stream(byClass).mapToInt(members -> members.length).max().orElse(0);
    int[] counts = longTail.profile().counts(largest, classes);
    int[] keep = new int[classes];
    for (int rank = 0; rank < classes; rank++) {
      keep[rank] = Math.min(counts[rank], byClass[tailOrder[rank]].length);
      if (keep[rank] == 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "long tail %s: expected at least one training image in every class, found none left"
                + " for class %d (tail rank %d; %d images in the largest class). Train on more"
                + " images (a larger --limit) or use a smaller rho.",
            longTail.profile().id(), tailOrder[rank], rank, largest));
      }
    }
    int[] kept = new int[Arrays.stream(keep).sum()];
    int filled = 0;
    for (int rank = 0; rank < classes; rank++) {
      System.arraycopy(byClass[tailOrder[rank]], 0, kept, filled, keep[rank]);
      filled += keep[rank];
    }
    Arrays.sort(kept);
    return new TrainingSet(kept, tailOrder, images, classes,
        longTail.mitigation() == Mitigation.OVERSAMPLE);
  }

  /** The distinct training images, ascending. */
  public int[] indices() {
    return indices.clone();
  }

  /** Distinct training images per class. */
  public int[] classCounts() {
    return classCounts.clone();
  }

  /** The class at each tail rank, rank 0 the largest; the identity for a balanced set. */
  public int[] tailOrder() {
    return tailOrder.clone();
  }

  /** Images per epoch: the distinct images, or with oversampling the largest class times the classes. */
  public int epochSize() {
    if (!oversample) {
      return indices.length;
    }
    int largest = Arrays.stream(classCounts).max().orElse(0);
    return (int) Arrays.stream(classCounts).filter(count -> count > 0).count() * largest;
  }

  /** One epoch's images in the order drawn from {@code random}, which seeds nothing else. */
  public int[] epochOrder(Random random) {
    int[] order;
    if (oversample) {
      order = Arrays.copyOf(indices, epochSize());
      int filled = indices.length;
      int largest = Arrays.stream(classCounts).max().orElse(0);
      for (int[] members : indicesByClass) {
        for (int repeat = members.length; members.length > 0 && repeat < largest; repeat++) {
          order[filled++] = members[random.nextInt(members.length)];
        }
      }
    } else {
      order = indices.clone();
    }
    Seeds.shuffle(order, random);
    return order;
  }

  /** What to tell a user whose --limit asks for more images than the split holds: all are used. */
  static Optional<String> limitBeyondTheSplit(int limit, int available) {
    return limit > available
        ? Optional.of(String.format(Locale.ROOT, "--limit %,d is more than the %,d images of the"
            + " training split: training on all %,d (the training report records it)", limit,
            available, available))
        : Optional.empty();
  }

  /** A seeded draw of --limit images, so that every class stays represented. */
  private static int[] limited(int[] trainIndices, TrainingConfig config) {
    limitBeyondTheSplit(config.limit(), trainIndices.length).ifPresent(LOG::warn);
    if (config.limit() == 0 || config.limit() >= trainIndices.length) {
      return trainIndices;
    }
    int[] drawn =
        Arrays.copyOf(shuffled(trainIndices, Seeds.derive(config.seed(), "limit")), config.limit());
    Arrays.sort(drawn);
    return drawn;
  }

  /**
   * A seeded draw of the config's images per class from {@code indices}, every class's images in a
   * seeded order; a class with fewer keeps all of them, which the training report's image count
   * shows.
   */
  private static int[] labelBudget(
      int[] indices, LabeledImages images, int classes, TrainingConfig config) {
    int perClass = config.classSubset().imagesPerClass();
    if (perClass == 0) {
      return indices;
    }
    int[][] byClass =
        byClass(shuffled(indices, Seeds.derive(config.seed(), "label-budget")), images, classes);
    int[] kept = Arrays.stream(byClass)
        .flatMapToInt(members -> Arrays.stream(members, 0, Math.min(perClass, members.length)))
        .sorted()
        .toArray();
    if (kept.length < perClass * classes) {
      LOG.warn("{} images per class asked for, {} found in all: classes with fewer keep all theirs",
          perClass, kept.length);
    }
    return kept;
  }

  private static int[] shuffled(int[] values, long seed) {
    int[] copy = values.clone();
    Seeds.shuffle(copy, new Random(seed));
    return copy;
  }

  /** {@code indices} grouped by label, each group in the order of {@code indices}. */
  private static int[][] byClass(int[] indices, LabeledImages images, int classes) {
    int[] counts = new int[classes];
    for (int index : indices) {
      counts[images.label(index)]++;
    }
    int[][] byClass = new int[classes][];
    for (int c = 0; c < classes; c++) {
      byClass[c] = new int[counts[c]];
    }
    int[] filled = new int[classes];
    for (int index : indices) {
      int label = images.label(index);
      byClass[label][filled[label]++] = index;
    }
    return byClass;
  }
}
