package org.archbench.harness.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Whole-file writes that either happen completely or not at all. */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code content} to {@code file} through a temporary sibling and an atomic rename. */
  public static void write(Path file, byte[] content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
    try {
      Files.write(temporary, content);
      move(temporary, file);
    } finally {
      Files.deleteIfExists(temporary);
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
