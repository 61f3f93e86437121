package org.archbench.harness.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The content of one unsigned-byte IDX file: its dimensions, its raw data in row-major order and the
 * SHA-256 of the whole uncompressed file (header included), computed while it was read.
 *
 * @param source the file it was read from
 * @param dimensions the sizes of each dimension; the first one counts the items
 * @param data the values, one byte each, row-major
 * @param sha256 lower-case hex SHA-256 of the uncompressed file
 */
public record IdxArray(Path source, int[] dimensions, byte[] data, String sha256) {

  public IdxArray {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(sha256, "sha256");
    dimensions = dimensions.clone();
    long size = 1;
    for (int dimension : dimensions) {
      size *= dimension;
    }
    if (size != data.length) {
      throw new IllegalArgumentException(
          "expected " + size + " values for dimensions " + Arrays.toString(dimensions)
              + ", found " + data.length);
    }
  }

  /** The number of items: the first dimension. */
  public int itemCount() {
    return dimensions[0];
  }

  @Override
  public int[] dimensions() {
    return dimensions.clone();
  }
}
