package org.archbench.schema.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names archbench gives its temporary files and staging directories, and the removal of those a
 * killed run left. A name carries the writing process's id ({@code .cnn.json.archbench-4242-81.tmp},
 * {@code .archbench-staging-4242-17}), so that archbench removes only what it can prove it wrote,
 * and never what a live process is writing: a user's {@code .draft.md.tmp} or {@code .staging-x/}
 * is not archbench's, and a report writing beside a stage is still alive.
 */
public final class Temporaries {

  private static final String MARK = "archbench-";
  private static final String FILE_SUFFIX = ".tmp";
  private static final String STAGING = "." + MARK + "staging-";

  // The random part is what Files.createTemp* put between prefix and suffix: unsigned digits.
  private static final Pattern FILE = Pattern.compile("\\..+\\." + MARK + "(\\d+)-\\d+\\.tmp");
  private static final Pattern STAGING_DIRECTORY =
      Pattern.compile(Pattern.quote(STAGING) + "(\\d+)-\\d+");

  private Temporaries() {}

  /** A new temporary sibling of {@code file}, in its directory, named as this class names them. */
  static Path createFile(Path directory, Path file) throws IOException {
    return Files.createTempFile(directory, "." + file.getFileName() + "." + MARK + pid() + "-",
        FILE_SUFFIX);
  }

  /** A new staging directory in {@code parent}, named as this class names them. */
  static Path createStagingDirectory(Path parent) throws IOException {
    return Files.createTempDirectory(parent, STAGING + pid() + "-");
  }

  /** The process that wrote {@code path}, if it is named as archbench names its temporaries. */
  public static OptionalLong writer(Path path) {
    Path name = path.getFileName();
    if (name == null) {
      return OptionalLong.empty();
    }
    for (Pattern pattern : List.of(FILE, STAGING_DIRECTORY)) {
      Matcher matcher = pattern.matcher(name.toString());
      if (matcher.matches()) {
        try {
          return OptionalLong.of(Long.parseLong(matcher.group(1)));
        } catch (NumberFormatException beyondALong) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }

  /** Whether {@code path} is named as archbench names its temporaries. */
  public static boolean isTemporary(Path path) {
    return writer(path).isPresent();
  }

  /**
   * Removes the temporaries of processes no longer running from {@code root} itself (not below it)
   * and from its {@code layoutDirectories} and below: the directories of archbench's output layout,
   * never a walk of directories archbench does not know. Symbolic links are not followed, and a
   * directory that cannot be read is passed over, saying so.
   *
   * @param notices told of every directory passed over
   * @return the temporaries removed
   */
  public static List<Path> removeLeftovers(Path root, List<Path> layoutDirectories,
      Consumer<String> notices) throws IOException {
    List<Path> leftovers = new ArrayList<>();
    try (Stream<Path> entries = Files.list(root)) {
      entries.filter(Temporaries::isLeftover).forEach(leftovers::add);
    }
    for (Path directory : layoutDirectories) {
      if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
        collect(directory, leftovers, notices);
      }
    }
    for (Path leftover : leftovers) {
      AtomicFiles.deleteRecursively(leftover);
    }
    return leftovers;
  }

  private static void collect(Path directory, List<Path> leftovers, Consumer<String> notices)
      throws IOException {
    Files.walkFileTree(directory, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
        if (isLeftover(dir)) {
          leftovers.add(dir);
          return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        if (isLeftover(file)) {
          leftovers.add(file);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException failure) {
        notices.accept(file + ": could not look for a stopped run's temporary files in it ("
            + FileSystemReasons.of(failure) + "); passed over");
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** An archbench temporary whose writer is neither this process nor any other live one. */
  public static boolean isLeftover(Path path) {
    OptionalLong writer = writer(path);
    return writer.isPresent() && writer.getAsLong() != pid()
        && !ProcessHandle.of(writer.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
  }

  private static long pid() {
    return ProcessHandle.current().pid();
  }
}
