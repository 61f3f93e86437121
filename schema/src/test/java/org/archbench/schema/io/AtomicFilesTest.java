package org.archbench.schema.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
