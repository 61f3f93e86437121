package org.archbench.harness.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Everything that distinguishes one IDX image-classification dataset from another: the four files
 * with their checksums, the image size, the class names, and where the dataset may be found.
 * Supporting MNIST or KMNIST means adding an entry to {@link IdxDatasets}, not writing code.
 *
 * @param id short identifier, used for the cache directory and on the command line
 * @param displayName human-readable name for messages
 * @param classNames one name per label value, in label order
 * @param rows image height in pixels
 * @param cols image width in pixels
 * @param trainImages the official training images
 * @param trainLabels the official training labels
 * @param testImages the official test images
 * @param testLabels the official test labels
 * @param environmentVariable the variable that may name a directory holding the files
 * @param debianPackage the Debian/Ubuntu package that installs the files, if any
 * @param systemDirectory where that package (or an administrator) puts the files
 * @param downloadBase the URL the four {@code .gz} files are downloaded from, as a last resort
 * @param transferSource the classes the transfer-learning study pretrains on, the others being its
 *     target: chosen so that each half is a task of its own kind (for Fashion-MNIST, both mix
 *     garments and footwear); empty for the even-numbered classes
 */
public record IdxDataset(
    String id,
    String displayName,
    List<String> classNames,
    int rows,
    int cols,
    IdxFileSpec trainImages,
    IdxFileSpec trainLabels,
    IdxFileSpec testImages,
    IdxFileSpec testLabels,
    String environmentVariable,
    Optional<String> debianPackage,
    Path systemDirectory,
    URI downloadBase,
    List<Integer> transferSource) {

  public IdxDataset {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    classNames = List.copyOf(classNames);
    Objects.requireNonNull(trainImages, "trainImages");
    Objects.requireNonNull(trainLabels, "trainLabels");
    Objects.requireNonNull(testImages, "testImages");
    Objects.requireNonNull(testLabels, "testLabels");
    Objects.requireNonNull(environmentVariable, "environmentVariable");
    Objects.requireNonNull(debianPackage, "debianPackage");
    Objects.requireNonNull(systemDirectory, "systemDirectory");
    Objects.requireNonNull(downloadBase, "downloadBase");
    if (classNames.size() < 2 || classNames.size() > 256) {
      throw new IllegalArgumentException(
          "expected 2 to 256 classes (labels are unsigned bytes), found " + classNames.size());
    }
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException(
          "expected positive image dimensions, found " + rows + "x" + cols);
    }
    if (trainImages.itemCount() != trainLabels.itemCount()
        || testImages.itemCount() != testLabels.itemCount()) {
      throw new IllegalArgumentException(
          "expected as many labels as images in each split, found train "
              + trainImages.itemCount() + "/" + trainLabels.itemCount() + ", test "
              + testImages.itemCount() + "/" + testLabels.itemCount());
    }
    transferSource = transferSource == null ? List.of() : List.copyOf(transferSource);
    requireTransferSource(transferSource, classNames.size());
    if (!downloadBase.toString().endsWith("/")) {
      throw new IllegalArgumentException(
          "expected the download base URL to end with '/', found " + downloadBase);
    }
  }

  /** The four files, in the order they are verified and reported. */
  public List<IdxFileSpec> files() {
    return List.of(trainImages, trainLabels, testImages, testLabels);
  }

  private static void requireTransferSource(List<Integer> source, int classes) {
    if (source.stream().anyMatch(c -> c < 0 || c >= classes)
        || source.stream().distinct().count() != source.size()
        || source.size() == 1 || (!source.isEmpty() && source.size() >= classes - 1)) {
      throw new IllegalArgumentException("expected the transfer study's source classes to be"
          + " distinct classes below " + classes + ", at least two and leaving at least two, found "
          + source);
    }
  }

  /** The transfer study's source classes, ascending: {@link #transferSource} or the even ones. */
  public List<Integer> transferSourceClasses() {
    return transferSource.isEmpty()
        ? IntStream.range(0, classCount()).filter(c -> c % 2 == 0).boxed().toList()
        : transferSource.stream().sorted().toList();
  }

  /** The transfer study's target classes, ascending: every class that is not a source one. */
  public List<Integer> transferTargetClasses() {
    List<Integer> source = transferSourceClasses();
    return IntStream.range(0, classCount()).filter(c -> !source.contains(c)).boxed().toList();
  }

  public int classCount() {
    return classNames.size();
  }

  public int pixelsPerImage() {
    return rows * cols;
  }
}
