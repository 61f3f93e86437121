package org.archbench.schema.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @Test
  void writtenFilesAreReadableByOthersAndLeaveNoTemporaryBehind(@TempDir Path directory)
      throws Exception {
    assumeTrue(directory.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path file = directory.resolve("report/tables/leaderboard.csv");

    AtomicFiles.write(file, "arch,engine\n");
    AtomicFiles.write(file, "arch,engine\nmlp,onnxruntime\n");

    assertEquals("arch,engine\nmlp,onnxruntime\n", Files.readString(file));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (var entries = Files.list(file.getParent())) {
      assertEquals(1, entries.count(), "only the file itself, no temporary file");
    }
    assertTrue(Files.isReadable(file));
  }

  @Test
  void aFileWhereADirectoryMustBeIsNamed(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("afile"), "not a directory");

    IOException error = assertThrows(IOException.class,
        () -> AtomicFiles.write(file.resolve("report/index.html"), "<html>"));

    assertEquals(file + ": expected a directory to hold " + file.resolve("report") + ", found a"
        + " file. Name another output directory, or move that file away", error.getMessage());
  }

  @Test
  void aFullDiskNamesTheFileItCouldNotWrite() {
    Path file = Path.of("out/eval/cnn.json");

    IOException error =
        AtomicFiles.writeFailure(file, new IOException("No space left on device"));

    assertEquals("out/eval/cnn.json: expected to write cnn.json, found the file system refusing (No"
        + " space left on device); any earlier cnn.json is untouched. To fix it, free space on that"
        + " disk (or choose another --out) and run again", error.getMessage());
  }

  @Test
  void aStagingDirectoryNamesTheProcessThatWritesIt(@TempDir Path run) throws Exception {
    Path staging = AtomicFiles.createStagingDirectory(run.resolve("models/cnn"));

    assertEquals(OptionalLong.of(ProcessHandle.current().pid()), Temporaries.writer(staging));
    assertEquals(OptionalLong.empty(), Temporaries.writer(run.resolve(".staging-photos")));
    assertEquals(OptionalLong.empty(), Temporaries.writer(run.resolve(".draft.md.tmp")));
  }

  @Test
  void aRefusedWriteSaysWhyNotWhere() {
    Path file = Path.of("ro/report/index.html");

    IOException error = AtomicFiles.writeFailure(file,
        new java.nio.file.AccessDeniedException("ro/report/.index.html.archbench-1-2.tmp"));

    assertEquals("ro/report/index.html: expected to write index.html, found the file system"
        + " refusing (permission denied); any earlier index.html is untouched. To fix it, check"
        + " that the directory is writable and run again", error.getMessage());
  }
}
