package org.archbench.harness.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not the IDX file it should be: truncated, the wrong magic number, the wrong
 * dimensions or count, or the wrong checksum. The message names the file, what was expected and
 * what was found.
 */
public final class IdxFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public IdxFormatException(Path file, String problem, String expected, String found) {
    this(file, problem, expected, found, null);
  }

  public IdxFormatException(
      Path file, String problem, String expected, String found, Throwable cause) {
    super(file + ": " + problem + "\n  expected: " + expected + "\n  found:    " + found, cause);
    this.file = file;
  }

  /** The file that failed. */
  public Path file() {
    return file;
  }
}
