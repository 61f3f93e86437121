package org.archbench.schema.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.archbench.schema.OutputLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {

  @TempDir Path out;

  private final List<String> notices = new ArrayList<>();

  private OutputLock acquire(String command) throws IOException {
    return OutputLock.acquire(new OutputLayout(out), command, false, notices::add);
  }

  @Test
  void aSecondWriterIsRefusedNamingTheHolder() throws IOException {
    try (OutputLock held = acquire("archbench train")) {
      OutputLock.LockedException refused =
          assertThrows(OutputLock.LockedException.class, () -> acquire("archbench evaluate"));

      String message = refused.getMessage();
      assertTrue(message.startsWith(out + ": expected no other archbench writing into this"
          + " directory while writing into it, found another: pid "
          + ProcessHandle.current().pid() + " (archbench train), started "), message);
      assertTrue(message.endsWith("give this run another output directory (--out)."), message);
    }
    try (OutputLock again = acquire("archbench evaluate")) {
      assertEquals(List.of(), notices, "a released lock is no stale lock");
    }
  }

  @Test
  void takingTheDirectoryRemovesTheTemporariesOfAStoppedArchbench() throws Exception {
    long ended = endedProcess();
    Path temporary = Files.writeString(Files.createDirectories(out.resolve("models/cnn"))
        .resolve(".cnn.onnx.archbench-" + ended + "-5551212.tmp"), "half an export");
    Path staging = Files.createDirectories(out.resolve(".archbench-staging-" + ended + "-17"));
    Files.writeString(staging.resolve("index.html"), "half a report");

    try (OutputLock lock = acquire("archbench export")) {
      assertFalse(Files.exists(temporary) || Files.exists(staging));
      assertEquals(List.of(out + ": removed 2 temporary file(s) a stopped run left: "
          + ".archbench-staging-" + ended + "-17, models/cnn/.cnn.onnx.archbench-" + ended
          + "-5551212.tmp"), notices);
    }
  }

  @Test
  void aLiveProcesssTemporaryIsKept() throws Exception {
    Process live = new ProcessBuilder("sleep", "60").start();
    try {
      Path writing = Files.writeString(Files.createDirectories(out.resolve("report"))
          .resolve(".index.html.archbench-" + live.pid() + "-42.tmp"), "a report being written");

      try (OutputLock lock = acquire("archbench evaluate")) {
        assertTrue(Files.exists(writing), "a temporary of a live process is never a leftover");
        assertEquals(List.of(), notices);
      }
    } finally {
      live.destroyForcibly();
    }
  }

  @Test
  void theUsersFilesAreNeverRemovedEvenWhenForcedIntoTheirDirectory() throws Exception {
    long ended = endedProcess();
    List<Path> users = List.of(
        Files.writeString(Files.createDirectories(out.resolve("src")).resolve(".Main.java.tmp"),
            "class Main {}"),
        Files.writeString(Files.createDirectories(out.resolve("notes")).resolve(".draft.md.tmp"),
            "draft"),
        Files.writeString(Files.createDirectories(out.resolve(".staging-photos"))
            .resolve("photo.jpg"), "jpeg"),
        // archbench's naming, but outside its layout: another tool's, or a copy
        Files.writeString(out.resolve("notes/.x.archbench-" + ended + "-1.tmp"), "kept"),
        // an older archbench's naming inside the layout: not provably archbench's
        Files.writeString(Files.createDirectories(out.resolve("eval")).resolve(".cnn.json1.tmp"),
            "kept"));

    IOException refused = assertThrows(IOException.class, () -> acquire("archbench evaluate"));
    assertEquals(out + ": expected an archbench output directory (run.json, models/, eval/, ...)"
        + " or an empty one, found one that holds other files (.staging-photos, notes, src)."
        + " Name another output directory, or add --force-out (-Dbench.force-out=true) to write"
        + " among them: archbench only ever removes files it wrote itself", refused.getMessage());
    assertFalse(Files.exists(out.resolve(OutputLayout.LOCK_FILE)), "a refused run writes nothing");

    try (OutputLock forced =
        OutputLock.acquire(new OutputLayout(out), "archbench evaluate", true, notices::add)) {
      for (Path file : users) {
        assertTrue(Files.exists(file), file + " is the user's");
      }
    }
  }

  @Test
  void anEmptyDirectoryOrARunIsTakenAsIs() throws Exception {
    try (OutputLock empty = acquire("archbench train")) {
      assertTrue(Files.isRegularFile(out.resolve(OutputLayout.LOCK_FILE)));
    }
    Files.writeString(out.resolve("run.json"), "{}");
    Files.writeString(out.resolve("NOTES.md"), "a run the user annotated");
    try (OutputLock run = acquire("archbench train")) {
      assertTrue(Files.exists(out.resolve("NOTES.md")));
    }
  }

  @Test
  void aLockThatIsASymbolicLinkIsRefusedAndItsTargetUntouched(@TempDir Path elsewhere)
      throws Exception {
    Path victim = Files.writeString(elsewhere.resolve("thesis.tex"), "four years of work");
    Files.createSymbolicLink(out.resolve(OutputLayout.LOCK_FILE), victim);

    IOException refused = assertThrows(IOException.class, () -> acquire("archbench train"));
    IOException refusedReader = assertThrows(IOException.class,
        () -> OutputLock.share(new OutputLayout(out), "archbench report"));

    assertEquals("four years of work", Files.readString(victim));
    String expected = out.resolve(OutputLayout.LOCK_FILE) + ": expected archbench's lock file, a"
        + " regular file, found a symbolic link (to " + victim + "), which archbench never"
        + " follows. Remove it (rm " + out.resolve(OutputLayout.LOCK_FILE) + ") and run again";
    assertEquals(expected, refused.getMessage());
    assertEquals(expected, refusedReader.getMessage());
  }

  @Test
  void aLockThatIsADirectoryIsRefusedSayingHowToRemoveIt() throws Exception {
    Files.createDirectory(out.resolve(OutputLayout.LOCK_FILE));

    IOException refused = assertThrows(IOException.class, () -> acquire("archbench train"));

    assertEquals(out.resolve(OutputLayout.LOCK_FILE) + ": expected archbench's lock file, a"
        + " regular file, found a directory. Remove it (rmdir "
        + out.resolve(OutputLayout.LOCK_FILE) + ") and run again", refused.getMessage());
  }

  @Test
  void aLockNamingALiveProcessThatHoldsNoLockIsTakenOverSayingSo() throws Exception {
    // pid 1 runs, but it is not archbench and holds no lock on the file: the text decides nothing.
    Files.writeString(out.resolve(OutputLayout.LOCK_FILE), "{\"pid\": 1, \"command\":"
        + " \"archbench train\", \"startedAt\": \"2026-12-01T00:00:00Z\"}");

    try (OutputLock taken = acquire("archbench train")) {
      assertEquals(List.of(out + ": taking over the lock left by pid 1 (archbench train), started"
          + " 2026-12-01T00:00:00Z; that process runs but holds no lock on it"), notices);
    }
  }

  @Test
  void theLockOfADeadProcessIsTakenOverSayingSo() throws Exception {
    long finished = endedProcess();
    Files.writeString(out.resolve(OutputLayout.LOCK_FILE), "{\"pid\": " + finished
        + ", \"command\": \"archbench train\", \"startedAt\": \"2026-12-01T00:00:00Z\"}");

    try (OutputLock taken = acquire("archbench train")) {
      assertEquals(List.of(out + ": taking over the lock left by pid " + finished
          + " (archbench train), started 2026-12-01T00:00:00Z; that process is no longer running"),
          notices);
      assertTrue(Files.readString(out.resolve(OutputLayout.LOCK_FILE))
          .contains("\"pid\":" + ProcessHandle.current().pid()));
    }
    assertEquals("", Files.readString(out.resolve(OutputLayout.LOCK_FILE)));
  }

  @Test
  void aLockFileRewrittenToNameThisProcesssParentLetsNoSecondWriterIn() throws Exception {
    try (LockProcess holder = LockProcess.start("write", out, Map.of())) {
      assertEquals("locked", holder.outcome());
      long parent = ProcessHandle.current().parent().orElseThrow().pid();
      Files.writeString(out.resolve(OutputLayout.LOCK_FILE), "{\"pid\": " + parent
          + ", \"command\": \"archbench pipeline\", \"startedAt\": \"2026-12-01T00:00:00Z\"}");

      assertThrows(OutputLock.LockedException.class, () -> acquire("archbench train"));
    }
  }

  @Test
  void aLockFileDeletedWhileItsHolderRunsLetsNoSecondWriterIn() throws Exception {
    try (LockProcess holder = LockProcess.start("write", out, Map.of())) {
      assertEquals("locked", holder.outcome());
      Files.delete(out.resolve(OutputLayout.LOCK_FILE));

      OutputLock.LockedException refused =
          assertThrows(OutputLock.LockedException.class, () -> acquire("archbench train"));

      assertTrue(refused.getMessage().contains("found pid " + holder.pid() + " still holding its"
          + " lock file, which was deleted while it ran"), refused.getMessage());
    }
    try (OutputLock after = acquire("archbench train")) {
      assertTrue(Files.isRegularFile(out.resolve(OutputLayout.LOCK_FILE)));
    }
  }

  @Test
  void aProcessTheHolderStartsWritesUnderItsLockAndNoOtherDoes() throws Exception {
    try (OutputLock pipeline = acquire("archbench pipeline")) {
      try (LockProcess stage =
          LockProcess.start("write", out, pipeline.environmentForChildren())) {
        assertEquals("locked", stage.outcome());
      }
      try (LockProcess stranger = LockProcess.start("write", out, Map.of())) {
        assertTrue(stranger.outcome().startsWith("refused: "), stranger.outcome());
      }
      try (LockProcess forged = LockProcess.start("write", out,
          Map.of(OutputLock.TOKEN_VARIABLE, "0123456789abcdef0123456789abcdef"))) {
        assertTrue(forged.outcome().startsWith("refused: "), forged.outcome());
      }
    }
  }

  @Test
  void readersShareARunAndNoWriterStartsWhileOneReads() throws Exception {
    try (LockProcess reader = LockProcess.start("read", out, Map.of());
        LockProcess another = LockProcess.start("read", out, Map.of())) {
      assertEquals("locked", reader.outcome());
      assertEquals("locked", another.outcome());

      OutputLock.LockedException refused =
          assertThrows(OutputLock.LockedException.class, () -> acquire("archbench train"));
      assertTrue(refused.getMessage().contains("found another: a process reading it"),
          refused.getMessage());
    }
    try (OutputLock writer = acquire("archbench train");
        LockProcess reader = LockProcess.start("read", out, Map.of())) {
      assertTrue(reader.outcome().startsWith("refused: " + out + ": expected no other archbench"
          + " writing into this directory while reading it, found another: pid "
          + ProcessHandle.current().pid() + " (archbench train)"), reader.outcome());
    }
  }

  @Test
  void anUnreadableDirectoryInTheRunIsPassedOverSayingSo(@TempDir Path scratch) throws Exception {
    Path run = permitted(scratch, "run", "rwxrwxrwx");
    long ended = endedProcess();
    Path models = permitted(run, "models", "rwxrwxrwx");
    Path leftover = Files.writeString(models.resolve(".cnn.onnx.archbench-" + ended + "-1.tmp"),
        "half an export");
    Path secret = permitted(permitted(run, "eval", "rwxrwxrwx"), "secret", "---------");

    try (LockProcess writer = LockProcess.startAsAnotherUser("write", run, scratch)) {
      assertEquals("locked", writer.outcome(), writer.notes().toString());
      assertEquals(List.of(secret + ": could not look for a stopped run's temporary files in it"
          + " (permission denied); passed over", run + ": removed 1 temporary file(s) a stopped"
          + " run left: models/.cnn.onnx.archbench-" + ended + "-1.tmp"), writer.notes());
    }
    assertFalse(Files.exists(leftover));
  }

  @Test
  void aRunTheUserMayNotWriteSaysPermissionDenied(@TempDir Path scratch) throws Exception {
    Path run = permitted(scratch, "run", "rwxrwxrwx");
    Files.writeString(run.resolve("run.json"), "{}");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("r-xr-xr-x"));

    try (LockProcess writer = LockProcess.startAsAnotherUser("write", run, scratch)) {
      assertEquals("refused: " + run.resolve(OutputLayout.LOCK_FILE) + ": expected to open"
          + " archbench's lock file, found the file system refusing (permission denied). Make "
          + run + " writable, or name another output directory", writer.outcome());
    } finally {
      Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /**
   * {@code parent}/{@code name}, a new directory with {@code permissions}; {@code parent} is made
   * open to every user, so that another user's process reaches it.
   */
  private static Path permitted(Path parent, String name, String permissions) throws IOException {
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path directory = Files.createDirectory(parent.resolve(name));
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString(permissions));
    return directory;
  }

  /** The pid of a process that has ended. */
  private static long endedProcess() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    return finished.pid();
  }
}
