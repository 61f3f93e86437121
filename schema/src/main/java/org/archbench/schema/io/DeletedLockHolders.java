package org.archbench.schema.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds a live process still holding the lock of a lock file that was deleted from under it. Such
 * a lock no longer guards the path, so a second writer creating the file anew would get a lock of
 * its own and write beside the first. Linux lists every held lock in /proc/locks by process, and a
 * process's open files in /proc/&lt;pid&gt;/fd, where a deleted one reads "&lt;path&gt; (deleted)": the
 * same look lslocks takes. Elsewhere, or for processes this user may not inspect, nothing is found.
 */
final class DeletedLockHolders {

  private static final Path LOCKS = Path.of("/proc/locks");

  private DeletedLockHolders() {}

  /** A live process holding a lock on a deleted file that was at {@code lockFile}, if any. */
  static Optional<Long> find(Path lockFile) throws IOException {
    if (!Files.isReadable(LOCKS)) {
      return Optional.empty();
    }
    String deleted = lockFile.getParent().toRealPath().resolve(lockFile.getFileName()) + " (deleted)";
    for (long pid : lockingProcesses(Files.readAllLines(LOCKS))) {
      if (holdsOpen(pid, deleted)) {
        return Optional.of(pid);
      }
    }
    return Optional.empty();
  }

  /**
   * The processes holding a lock, from /proc/locks' lines ({@code 1: POSIX ADVISORY WRITE 4242
   * fe:00:2154497 0 EOF}); waiters ({@code 1: -> POSIX ...}) hold nothing yet.
   */
  static Set<Long> lockingProcesses(List<String> lines) {
    Set<Long> pids = new LinkedHashSet<>();
    for (String line : lines) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 5 || fields[1].equals("->")) {
        continue;
      }
      try {
        long pid = Long.parseLong(fields[4]);
        if (pid > 0) {
          pids.add(pid);
        }
      } catch (NumberFormatException notAPid) {
        // a line of a format this parser does not know holds no process it can name
      }
    }
    return pids;
  }

  private static boolean holdsOpen(long pid, String target) {
    try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return descriptors.anyMatch(descriptor -> {
        try {
          return Files.readSymbolicLink(descriptor).toString().equals(target);
        } catch (IOException closedMeanwhile) {
          return false;
        }
      });
    } catch (IOException endedOrNotOurs) {
      return false;
    }
  }
}
