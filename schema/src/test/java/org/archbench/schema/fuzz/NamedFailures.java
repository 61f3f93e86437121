package org.archbench.schema.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The property every fuzz target holds the code to: whatever the bytes of a file, reading it either
 * succeeds or fails the way the command line reports a user's fault (an {@link IOException} or an
 * {@link IllegalArgumentException}) with a message that names the file. Anything else (a
 * NullPointerException, an index out of bounds, an error without a message) is a finding: Jazzer
 * saves the input and the build fails on it.
 */
public final class NamedFailures {

  private NamedFailures() {}

  /**
   * Returns if {@code failure} is a named user fault about one of {@code files}; throws an
   * {@link AssertionError} carrying it otherwise.
   */
  public static void requireNamed(Exception failure, Path... files) {
    if (!(failure instanceof IOException) && !(failure instanceof IllegalArgumentException)) {
      throw new AssertionError("expected an IOException or IllegalArgumentException naming the"
          + " file, found " + failure, failure);
    }
    String message = failure.getMessage();
    for (Path file : files) {
      if (message != null && message.contains(file.toString())) {
        return;
      }
    }
    throw new AssertionError("expected a message naming one of " + Arrays.toString(files)
        + ", found: " + message, failure);
  }
}
