package org.archbench.schema.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;

/**
 * Whole-file writes that either happen completely or not at all, and come out readable by others
 * (rw-r--r--): results are published. Every file archbench writes goes through here.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code content} to {@code file} through a temporary sibling and an atomic rename. */
  public static void write(Path file, byte[] content) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    createDirectories(directory);
    Path temporary = null;
    try {
      temporary = Temporaries.createFile(directory, file);
      makeReadable(temporary);
      Files.write(temporary, content);
      move(temporary, file);
    } catch (IOException e) {
      throw writeFailure(file, e);
    } finally {
      if (temporary != null) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /**
   * What a failed write of {@code file} says: the file (a full disk's error names none), why, and
   * that what was there before is untouched.
   */
  static IOException writeFailure(Path file, IOException cause) {
    if (cause.getMessage() != null && cause.getMessage().startsWith(file + ": ")) {
      return cause; // already ours
    }
    String reason = FileSystemReasons.of(cause);
    String remedy = reason.contains("No space left on device")
        ? "free space on that disk (or choose another --out) and run again"
        : "check that the directory is writable and run again";
    return new IOException(file + ": expected to write " + file.getFileName() + ", found the file"
        + " system refusing (" + reason + "); any earlier " + file.getFileName() + " is untouched."
        + " To fix it, " + remedy, cause);
  }

  /**
   * Creates {@code directory} and its parents; a file where a directory must be is named.
   *
   * @throws IOException naming the file in the way, or the directory that could not be made
   */
  public static void createDirectories(Path directory) throws IOException {
    for (Path part = directory.toAbsolutePath(); part != null; part = part.getParent()) {
      if (Files.exists(part) && !Files.isDirectory(part)) {
        throw new IOException(part + ": expected a directory to hold " + directory + ", found a"
            + " file. Name another output directory, or move that file away");
      }
    }
    try {
      Files.createDirectories(directory);
    } catch (FileSystemException e) {
      throw new IOException(directory + ": expected a directory archbench can create, found the"
          + " file system refusing (" + FileSystemReasons.of(e) + "). Name another output"
          + " directory, or make this one writable", e);
    }
  }

  /**
   * A new staging directory in {@code parent} (a model or checkpoint saved in several files), named
   * as {@link Temporaries} names them, so that a killed run's is removed by the next writer.
   */
  public static Path createStagingDirectory(Path parent) throws IOException {
    createDirectories(parent);
    return Temporaries.createStagingDirectory(parent);
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
          target + ": expected a file system that renames atomically, found one that does not:"
              + " put the output directory on a local disk",
          e);
    }
  }

  /** Deletes a directory and everything in it, if it exists. */
  public static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
