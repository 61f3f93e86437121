package org.archbench.schema.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One writer per output directory: two archbench processes writing into one run would leave one
 * seed's key beside another seed's weights. The lock is the operating system's lock on
 * {@value #FILE} in the directory, so it ends with its process however that ends (a kill -9
 * included); the file also names the holder (pid, command, start), so that a second writer is told
 * who has the directory, and a lock left by a dead process is taken over, saying so.
 *
 * <p>A process started by the holder (a stage of the pipeline, which holds the lock for the whole
 * run) writes under its parent's lock.
 */
public final class OutputLock implements AutoCloseable {

  /** The lock file, in the output directory. */
  public static final String FILE = ".archbench.lock";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Who holds a directory.
   *
   * @param pid the holding process
   * @param command what it runs, e.g. {@code archbench train}
   * @param startedAt ISO-8601 instant it took the lock
   */
  public record Holder(long pid, String command, String startedAt) {

    /** This process, running {@code command}, now. */
    static Holder current(String command) {
      return new Holder(ProcessHandle.current().pid(), command, Instant.now().toString());
    }

    @Override
    public String toString() {
      return "pid " + pid + " (" + command + "), started " + startedAt;
    }
  }

  /** Refused: another live process holds the directory. */
  public static final class LockedException extends IOException {
    private static final long serialVersionUID = 1L;

    LockedException(String message) {
      super(message);
    }
  }

  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes {@code directory} for {@code command}, creating it if needed.
   *
   * @param notices told when a dead process's lock is taken over
   * @throws LockedException naming the holder, if another live process (not this one's parent)
   *     holds it
   */
  public static OutputLock acquire(Path directory, String command, Consumer<String> notices)
      throws IOException {
    AtomicFiles.createDirectories(directory);
    Path file = directory.resolve(FILE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      Optional<Holder> previous = read(channel);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldHere) {
        lock = null;
      }
      if (lock == null) {
        if (previous.isPresent() && isParent(previous.get().pid())) {
          // A stage of a pipeline that holds the directory for the whole run.
          channel.close();
          return new OutputLock(null, null);
        }
        throw new LockedException(directory + ": expected to be the only archbench writing into"
            + " this directory, found another: " + previous.map(Holder::toString)
                .orElse("a process that has not named itself yet")
            + ". Wait for it to finish, or give this run another output directory (--out).");
      }
      if (previous.isPresent()) {
        notices.accept(directory + ": taking over the lock of " + previous.get()
            + ", which is no longer running");
      }
      try {
        write(channel, Holder.current(command));
      } catch (IOException e) {
        lock.release();
        throw AtomicFiles.writeFailure(file, e);
      }
      // No one else writes here now, so any temporary is a killed run's leftover.
      List<Path> stale = AtomicFiles.removeTemporaries(directory);
      if (!stale.isEmpty()) {
        notices.accept(directory + ": removed " + stale.size() + " temporary file(s) a stopped run"
            + " left: " + stale.stream().map(directory::relativize).map(Path::toString)
                .collect(Collectors.joining(", ")));
      }
      return new OutputLock(channel, lock);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Releases the directory; the file stays, empty, so no later writer takes it for stale. */
  @Override
  public void close() throws IOException {
    if (channel == null) {
      return;
    }
    try {
      channel.truncate(0);
      lock.release();
    } finally {
      channel.close();
    }
  }

  private static boolean isParent(long pid) {
    return ProcessHandle.current().parent().map(ProcessHandle::pid).filter(p -> p == pid)
        .isPresent();
  }

  private static Optional<Holder> read(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0 || size > 4096) {
      return Optional.empty();
    }
    ByteBuffer bytes = ByteBuffer.allocate((int) size);
    channel.read(bytes, 0);
    try {
      return Optional.of(JSON.readValue(bytes.array(), Holder.class));
    } catch (IOException notAHolder) {
      // A lock file cut short by a crash names nobody; the OS lock alone decides.
      return Optional.empty();
    }
  }

  private static void write(FileChannel channel, Holder holder) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(JSON.writeValueAsString(holder).getBytes(StandardCharsets.UTF_8)),
        0);
    channel.force(false);
  }
}
