package org.archbench.harness.data;

import org.archbench.schema.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
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
 */
public record LoadedDataset(
    IdxDataset dataset,
    Path directory,
    String origin,
    List<PlaceTried> placesTried,
    List<VerifiedFile> verifiedFiles,
    LabeledImages train,
    LabeledImages test) {

  public LoadedDataset {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(origin, "origin");
    placesTried = List.copyOf(placesTried);
    verifiedFiles = List.copyOf(verifiedFiles);
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
  }

  /**
   * The stratified train/validation split of the official training set under {@code seed}: the
   * {@link Defaults#VALIDATION_FRACTION} of each class held out, drawn from the seed's "split" stream.
   */
  public StratifiedSplit trainValidationSplit(long seed) {
    return StratifiedSplit.of(
        train, dataset.classCount(), Defaults.VALIDATION_FRACTION, Seeds.derive(seed, "split"));
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
