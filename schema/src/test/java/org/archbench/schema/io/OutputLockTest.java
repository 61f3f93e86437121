package org.archbench.schema.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {

  @TempDir Path out;

  private final List<String> notices = new ArrayList<>();

  @Test
  void aSecondWriterIsRefusedNamingTheHolder() throws IOException {
    try (OutputLock held = OutputLock.acquire(out, "archbench train", notices::add)) {
      OutputLock.LockedException refused = assertThrows(OutputLock.LockedException.class,
          () -> OutputLock.acquire(out, "archbench evaluate", notices::add));

      String message = refused.getMessage();
      assertTrue(message.startsWith(out + ": expected to be the only archbench writing into this"
          + " directory, found another: pid " + ProcessHandle.current().pid()
          + " (archbench train), started "), message);
      assertTrue(message.endsWith("give this run another output directory (--out)."), message);
    }
    try (OutputLock again = OutputLock.acquire(out, "archbench evaluate", notices::add)) {
      assertEquals(List.of(), notices, "a released lock is no stale lock");
    }
  }

  @Test
  void takingTheDirectoryRemovesTheTemporariesOfAStoppedRun() throws IOException {
    Path temporary = Files.writeString(Files.createDirectories(out.resolve("models/cnn"))
        .resolve(".cnn.onnx5551212.tmp"), "half an export");

    try (OutputLock lock = OutputLock.acquire(out, "archbench export", notices::add)) {
      assertFalse(Files.exists(temporary));
      assertEquals(List.of(out + ": removed 1 temporary file(s) a stopped run left:"
          + " models/cnn/.cnn.onnx5551212.tmp"), notices);
    }
  }

  @Test
  void theLockOfADeadProcessIsTakenOverSayingSo() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Files.writeString(out.resolve(OutputLock.FILE), "{\"pid\": " + finished.pid()
        + ", \"command\": \"archbench train\", \"startedAt\": \"2026-12-01T00:00:00Z\"}");

    try (OutputLock taken = OutputLock.acquire(out, "archbench train", notices::add)) {
      assertEquals(List.of(out + ": taking over the lock of pid " + finished.pid()
          + " (archbench train), started 2026-12-01T00:00:00Z, which is no longer running"),
          notices);
      assertTrue(Files.readString(out.resolve(OutputLock.FILE))
          .contains("\"pid\":" + ProcessHandle.current().pid()));
    }
    assertEquals("", Files.readString(out.resolve(OutputLock.FILE)));
  }
}
