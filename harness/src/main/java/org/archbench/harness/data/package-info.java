/**
 * Datasets in LeCun's IDX format: finding the files, verifying them, reading them, and splitting them.
 *
 * <p>A dataset is an entry in {@link org.archbench.harness.data.IdxDatasets}: its four files with the
 * SHA-256 of their uncompressed content, the image size and the class names.
 * {@link org.archbench.harness.data.DatasetLocator} looks for the files in a fixed order (the
 * directory the user named, the dataset's environment variable, the cache, the Debian package's
 * directory, then a download into the cache), reads them with
 * {@link org.archbench.harness.data.IdxReader}, and refuses any file that is not byte for byte the
 * published one. {@link org.archbench.harness.data.StratifiedSplit} holds out a seeded, stratified
 * validation set from the official training set; the official test set is left untouched.
 */
package org.archbench.harness.data;
