package org.archbench.schema.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Whole-file writes that either happen completely or not at all, and come out readable by others
 * (rw-r--r--): results are published. Every file archbench writes goes through here.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code content} to {@code file} through a temporary sibling and an atomic rename. */
  public static void write(Path file, byte[] content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
    try {
      makeReadable(temporary);
      Files.write(temporary, content);
      move(temporary, file);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Writes {@code content} as UTF-8 to {@code file}, atomically, readable by others. */
  public static void write(Path file, String content) throws IOException {
    write(file, content.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Gives a temporary file the permissions of an ordinary one (rw-r--r--): temporary files start
   * private, and results are meant to be read and published.
   */
  public static void makeReadable(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Renames {@code source} to {@code target} atomically, replacing it. */
  public static void move(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "expected a file system that renames atomically for " + target + ", found one that"
              + " does not: put the output directory on a local disk",
          e);
    }
  }

  /** Deletes a directory and everything in it, if it exists. */
  public static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
