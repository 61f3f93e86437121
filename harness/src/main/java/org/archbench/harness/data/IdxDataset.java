package org.archbench.harness.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
    URI downloadBase) {

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
    if (!downloadBase.toString().endsWith("/")) {
      throw new IllegalArgumentException(
          "expected the download base URL to end with '/', found " + downloadBase);
    }
  }

  /** The four files, in the order they are verified and reported. */
  public List<IdxFileSpec> files() {
    return List.of(trainImages, trainLabels, testImages, testLabels);
  }

  public int classCount() {
    return classNames.size();
  }

  public int pixelsPerImage() {
    return rows * cols;
  }
}
