package org.archbench.harness.data;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One file of an IDX dataset as published: its official name (without {@code .gz}), the SHA-256 of
 * its uncompressed content, and the number of items it must hold.
 *
 * @param name the official file name without a {@code .gz} suffix, e.g. {@code train-images-idx3-ubyte}
 * @param sha256 lower-case hex SHA-256 of the uncompressed file
 * @param itemCount the first IDX dimension: number of images or labels
 */
public record IdxFileSpec(String name, String sha256, int itemCount) {

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public IdxFileSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sha256, "sha256");
    if (name.isBlank() || name.endsWith(".gz")) {
      throw new IllegalArgumentException(
          "expected an IDX file name without .gz, found '" + name + "'");
    }
    sha256 = sha256.toLowerCase(Locale.ROOT);
    if (!SHA256_HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException(
          "expected 64 hex digits of SHA-256 for " + name + ", found '" + sha256 + "'");
    }
    if (itemCount <= 0) {
      throw new IllegalArgumentException(
          "expected a positive item count for " + name + ", found " + itemCount);
    }
  }

  /** The compressed name, as the files are published for download. */
  public String gzipName() {
    return name + ".gz";
  }
}
