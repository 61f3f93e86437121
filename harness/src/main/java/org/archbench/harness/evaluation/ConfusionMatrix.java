package org.archbench.harness.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts of (true class, predicted class) over a labelled set, and the per-class and macro metrics
 * that follow from them. A class never predicted has precision 0; a class absent from the labels has
 * recall 0 (and counts in the macro average, as scikit-learn's zero_division=0 does).
 */
public final class ConfusionMatrix {

  private final long[][] counts;

  private ConfusionMatrix(long[][] counts) {
    this.counts = counts;
  }

  /**
   * The matrix of {@code predicted} against {@code labels}.
   *
   * @throws IllegalArgumentException if the arrays differ in length or hold a class out of range
   */
  public static ConfusionMatrix of(int[] labels, int[] predicted, int classes) {
    if (labels.length != predicted.length) {
      throw new IllegalArgumentException(
          "expected as many predictions as labels, found " + predicted.length + " and "
              + labels.length);
    }
    long[][] counts = new long[classes][classes];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
        throw new IllegalArgumentException(
            "expected classes 0 to " + (classes - 1) + ", found label " + labels[i]
                + " and prediction " + predicted[i] + " at index " + i);
      }
      counts[labels[i]][predicted[i]]++;
    }
    return new ConfusionMatrix(counts);
  }

  /**
   * The matrix of stored {@code counts} (rows the true class, columns the prediction), as an
   * evaluation file holds them.
   *
   * @throws IllegalArgumentException if the counts are not square or hold a negative count
   */
  public static ConfusionMatrix ofCounts(long[][] counts) {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != counts.length) {
        throw new IllegalArgumentException("expected a square confusion matrix of " + counts.length
            + " classes, found a row of " + counts[i].length + " at class " + i);
      }
      for (long count : counts[i]) {
        if (count < 0) {
          throw new IllegalArgumentException(
              "expected counts >= 0, found " + count + " in the row of class " + i);
        }
      }
      copy[i] = counts[i].clone();
    }
    return new ConfusionMatrix(copy);
  }

  public int classes() {
    return counts.length;
  }

  /** Images of class {@code actual} predicted as {@code predicted}. */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /** A copy of the counts, rows the true class, columns the prediction. */
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  public long total() {
    long total = 0;
    for (long[] row : counts) {
      for (long count : row) {
        total += count;
      }
    }
    return total;
  }

  public long correct() {
    long correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    return correct;
  }

  public double accuracy() {
    return (double) correct() / total();
  }

  public double precision(int c) {
    long predicted = 0;
    for (long[] row : counts) {
      predicted += row[c];
    }
    return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
  }

  public double recall(int c) {
    long actual = 0;
    for (long count : counts[c]) {
      actual += count;
    }
    return actual == 0 ? 0 : (double) counts[c][c] / actual;
  }

  public double f1(int c) {
    double precision = precision(c);
    double recall = recall(c);
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /** The unweighted mean of the per-class F1 scores. */
  public double macroF1() {
    double sum = 0;
    for (int c = 0; c < counts.length; c++) {
      sum += f1(c);
    }
    return sum / counts.length;
  }

  /**
   * A pair of classes and how often either was taken for the other.
   *
   * @param first the lower class index
   * @param second the higher class index
   * @param count images of {@code first} predicted as {@code second}, plus the reverse
   */
  public record MixUp(int first, int second, long count) {}

  /** The {@code limit} pairs of classes most often confused, in both directions, most first. */
  public List<MixUp> commonMixUps(int limit) {
    List<MixUp> pairs = new ArrayList<>();
    for (int a = 0; a < counts.length; a++) {
      for (int b = a + 1; b < counts.length; b++) {
        long count = counts[a][b] + counts[b][a];
        if (count > 0) {
          pairs.add(new MixUp(a, b, count));
        }
      }
    }
    pairs.sort(Comparator.comparingLong(MixUp::count).reversed()
        .thenComparingInt(MixUp::first).thenComparingInt(MixUp::second));
    return List.copyOf(pairs.subList(0, Math.min(limit, pairs.size())));
  }
}
