package org.archbench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.AtomicFiles;

/**
 * Writes a report into a staging directory beside its destination and renames it into place whole,
 * so that a report that fails half-way (a file name too long, a full disk) leaves the earlier one
 * as it was and nothing of itself. The staging directory is named as archbench names its
 * temporaries ({@link org.archbench.schema.io.Temporaries}), so one a killed run leaves is known for
 * archbench's own; for the default destination, report/, it is a sibling of report/ in the run
 * directory, where the next writer of the run removes it.
 */
final class StagedReport {

  /** What a report writes into its directory; anything else there is not the report's. */
  static final Set<String> ENTRIES = Set.of(OutputLayout.REPORT_PAGE, OutputLayout.REPORT_TABLES,
      "assets", "profiles");

  /** Writes a whole report into a directory, and returns its entry page. */
  @FunctionalInterface
  interface Contents {
    Path writeInto(Path directory) throws IOException;
  }

  private StagedReport() {}

  /**
   * Writes {@code contents} into a staging directory, then puts it in place of {@code out}.
   *
   * @return the entry page, under {@code out}
   * @throws IOException if {@code out} holds files that are not a report's, naming them, or the
   *     report cannot be written; {@code out} is then as it was
   */
  static Path write(Path out, Contents contents) throws IOException {
    Path target = out.toAbsolutePath().normalize();
    requireReplaceable(target);
    Path staging = AtomicFiles.createStagingDirectory(target.getParent());
    try {
      makeListable(staging);
      Path index = contents.writeInto(staging);
      replace(target, staging);
      return target.resolve(staging.relativize(index).toString());
    } finally {
      AtomicFiles.deleteRecursively(staging);
    }
  }

  /**
   * Fails unless {@code target} is absent, or a directory holding no more than an earlier report
   * does: it is replaced whole, and must hold nothing of the user's.
   */
  private static void requireReplaceable(Path target) throws IOException {
    if (!Files.exists(target)) {
      return;
    }
    if (!Files.isDirectory(target)) {
      throw new IOException(target + ": expected a directory for the report, found a file."
          + " Choose another --out, or move that file away");
    }
    List<String> others;
    try (Stream<Path> entries = Files.list(target)) {
      others = entries.map(entry -> entry.getFileName().toString())
          .filter(name -> !ENTRIES.contains(name)).sorted().toList();
    }
    if (!others.isEmpty()) {
      throw new IOException(target + ": expected a directory holding an earlier report"
          + " (index.html, tables/, assets/, profiles/) or nothing, found also " + others
          + ". Choose another --out, or move those away");
    }
  }

  /**
   * Renames {@code staging} to {@code target}; an earlier report there is first renamed aside,
   * put back if the new one cannot take its place, and removed once it has.
   */
  private static void replace(Path target, Path staging) throws IOException {
    if (!Files.exists(target)) {
      AtomicFiles.move(staging, target);
      return;
    }
    Path earlier = AtomicFiles.createStagingDirectory(target.getParent());
    try {
      AtomicFiles.move(target, earlier); // a rename over the empty directory
    } catch (IOException e) {
      AtomicFiles.deleteRecursively(earlier);
      throw e;
    }
    try {
      AtomicFiles.move(staging, target);
    } catch (IOException e) {
      AtomicFiles.move(earlier, target);
      throw e;
    }
    AtomicFiles.deleteRecursively(earlier);
  }

  /** A report is published: its directory lists for others (rwxr-xr-x), as any other does. */
  private static void makeListable(Path directory) throws IOException {
    if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
