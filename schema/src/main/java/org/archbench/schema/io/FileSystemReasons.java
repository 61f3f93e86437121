package org.archbench.schema.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why the file system refused, in words: Java's {@link AccessDeniedException} and its siblings
 * carry only the path as their message, so "error: ro/.archbench.lock" said where and not why.
 */
public final class FileSystemReasons {

  private FileSystemReasons() {}

  /** The reason of {@code failure}, e.g. {@code permission denied}, never a bare path. */
  public static String of(IOException failure) {
    if (failure instanceof FileSystemException system && system.getReason() != null) {
      return system.getReason();
    }
    if (failure instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (failure instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (failure instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (failure instanceof FileAlreadyExistsException) {
      return "a file of that name already exists";
    }
    if (failure instanceof FileSystemLoopException) {
      return "a loop of symbolic links";
    }
    if (failure instanceof FileSystemException) {
      return failure.getClass().getSimpleName();
    }
    return String.valueOf(failure.getMessage());
  }
}
