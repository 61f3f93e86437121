package org.archbench.harness.data;

import org.archbench.schema.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.archbench.schema.training.ClassSubset;
import org.archbench.harness.Defaults;
import org.archbench.harness.Seeds;

/**
 * A dataset read from disk and verified: where it was found, the checksums that matched, and the
 * official training and test sets.
 *
 * @param dataset the registry entry it was checked against
 * @param directory the directory the files were read from
 * @param origin how that directory was chosen, e.g. {@code Debian package dataset-fashion-mnist}
 * @param placesTried every place looked at, in order
 * @param verifiedFiles each file with the SHA-256 that matched the registry
 * @param train the official training set (before the train/validation split)
 * @param test the official test set
 * @param classes the dataset's class indices this task keeps, label {@code i} being class
 *     {@code classes.get(i)}: every class for a dataset as loaded, a subset after {@link #restrictedTo}
 */
public record LoadedDataset(
    IdxDataset dataset,
    Path directory,
    String origin,
    List<PlaceTried> placesTried,
    List<VerifiedFile> verifiedFiles,
    LabeledImages train,
    LabeledImages test,
    List<Integer> classes) {

  public LoadedDataset {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(origin, "origin");
    placesTried = List.copyOf(placesTried);
    verifiedFiles = List.copyOf(verifiedFiles);
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    classes = List.copyOf(classes);
  }

  /** The dataset as read: every class, every image. */
  public LoadedDataset(IdxDataset dataset, Path directory, String origin,
      List<PlaceTried> placesTried, List<VerifiedFile> verifiedFiles, LabeledImages train,
      LabeledImages test) {
    this(dataset, directory, origin, placesTried, verifiedFiles, train, test,
        IntStream.range(0, dataset.classCount()).boxed().toList());
  }

  /**
   * The task of {@code subset}'s classes alone: the training and test images of those classes, their
   * labels renumbered in the subset's order. The per-class image budget is the training set's to
   * apply ({@code TrainingSet}): validation keeps every image of the classes.
   *
   * @throws IllegalArgumentException if the subset names a class this dataset does not hold
   */
  public LoadedDataset restrictedTo(ClassSubset subset) {
    if (subset.classes().isEmpty() || subset.classes().equals(classes)) {
      return this;
    }
    int[] relabel = new int[classes.size()];
    Arrays.fill(relabel, -1);
    for (int label = 0; label < subset.classes().size(); label++) {
      int position = classes.indexOf(subset.classes().get(label));
      if (position < 0) {
        throw new IllegalArgumentException("expected classes of " + dataset.id() + " "
            + classes + ", found class " + subset.classes().get(label) + " in " + subset.classes());
      }
      relabel[position] = label;
    }
    return new LoadedDataset(dataset, directory, origin, placesTried, verifiedFiles,
        train.relabelled(relabel), test.relabelled(relabel),
        List.copyOf(subset.classes()));
  }

  /** The number of classes of this task. */
  public int classCount() {
    return classes.size();
  }

  /** The names of this task's classes, by label. */
  public List<String> classNames() {
    return classes.stream().map(dataset.classNames()::get).toList();
  }

  /**
   * The stratified train/validation split of the official training set under {@code seed}: the
   * {@link Defaults#VALIDATION_FRACTION} of each class held out, drawn from the seed's "split" stream.
   */
  public StratifiedSplit trainValidationSplit(long seed) {
    return StratifiedSplit.of(
        train, classCount(), Defaults.VALIDATION_FRACTION, Seeds.derive(seed, "split"));
  }

  /**
   * One SHA-256 for the whole dataset: over the four files' checksums, in registry order, each
   * followed by a newline. Results and trained models are keyed by it.
   */
  public String fingerprint() {
    StringBuilder checksums = new StringBuilder();
    for (VerifiedFile file : verifiedFiles) {
      checksums.append(file.sha256()).append('\n');
    }
    return Sha256.hex(checksums.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * A file whose content matched its registry entry.
   *
   * @param file the file read
   * @param sha256 the SHA-256 of its uncompressed content, equal to the registry's
   * @param itemCount the number of images or labels it holds
   */
  public record VerifiedFile(Path file, String sha256, int itemCount) {}
}
