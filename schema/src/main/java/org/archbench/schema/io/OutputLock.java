package org.archbench.schema.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.archbench.schema.OutputLayout;

/**
 * One writer per output directory, or any number of readers: two archbench processes writing into
 * one run would leave one seed's key beside another seed's weights, and a report read during a
 * write mixes two states. The lock is the operating system's lock on {@value OutputLayout#LOCK_FILE}
 * in the directory, exclusive for a writer and shared for a reader, held on an open file for as
 * long as the process runs, so it ends with its process however that ends (a kill -9 included).
 * The file's text only names the writer, so that a second one is told who has the directory; the
 * decision is always the operating system's lock, never the text.
 *
 * <p>The lock file is never followed through a symbolic link, and a lock path that is not a regular
 * file is refused. A lock file deleted while its holder runs still holds its holder's lock, unseen
 * at its path: a second writer looks for it ({@link DeletedLockHolders}) before it takes the
 * directory.
 *
 * <p>A process the holder starts (a stage of the pipeline, which holds the directory for the whole
 * run) writes under its holder's lock: the holder hands it a secret through
 * {@link #environmentForChildren}, and the lock file holds only the secret's hash.
 */
public final class OutputLock implements AutoCloseable {

  /** The environment variable that passes the holder's secret to the processes it starts. */
  static final String TOKEN_VARIABLE = "ARCHBENCH_OUTPUT_LOCK_TOKEN";

  private static final ObjectMapper JSON = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private static final Set<OpenOption> WRITER_OPTIONS = Set.of(StandardOpenOption.CREATE,
      StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);

  /**
   * Who holds a directory for writing.
   *
   * @param pid the holding process
   * @param command what it runs, e.g. {@code archbench train}
   * @param startedAt ISO-8601 instant it took the lock
   * @param childTokenSha256 SHA-256 of the secret the processes it starts write under; absent
   *     before archbench passed one
   */
  public record Holder(long pid, String command, String startedAt, String childTokenSha256) {

    @Override
    public String toString() {
      return "pid " + pid + " (" + command + "), started " + startedAt;
    }

    private boolean running() {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
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
  private final String childToken;

  private OutputLock(FileChannel channel, FileLock lock, String childToken) {
    this.channel = channel;
    this.lock = lock;
    this.childToken = childToken;
  }

  /**
   * Takes {@code layout}'s directory for writing by {@code command}, creating it if needed, and
   * removes what killed runs left there ({@link Temporaries}).
   *
   * @param force write into a directory that is not an archbench run (neither empty nor holding
   *     only archbench's entries)
   * @param notices told when a dead process's lock is taken over, and of the temporaries removed
   * @throws LockedException naming the holder, if another live process (not this one's holder)
   *     reads or writes the directory
   * @throws IOException if the directory is not a run and {@code force} is false, or the lock path
   *     is not a regular file, naming what to do
   */
  public static OutputLock acquire(OutputLayout layout, String command, boolean force,
      Consumer<String> notices) throws IOException {
    Path directory = layout.root();
    OutputDirectory.requireRunOrEmpty(directory, force);
    AtomicFiles.createDirectories(directory);
    Path file = layout.lock();
    FileChannel channel = open(file, WRITER_OPTIONS);
    try {
      Optional<Holder> previous = read(channel);
      FileLock lock = tryLock(channel, false);
      if (lock == null) {
        return underHolder(channel, previous, directory, "writing into");
      }
      Optional<Long> unseen = DeletedLockHolders.find(file);
      if (unseen.isPresent()) {
        lock.release();
        throw new LockedException(directory + ": expected to be the only archbench writing into"
            + " this directory, found pid " + unseen.get() + " still holding its lock file, which"
            + " was deleted while it ran. Wait for it to finish (never delete "
            + OutputLayout.LOCK_FILE + " while archbench runs), or give this run another output"
            + " directory (--out).");
      }
      previous.ifPresent(holder -> notices.accept(directory + ": taking over the lock left by "
          + holder + "; that process " + (holder.running() ? "runs but holds no lock on it"
              : "is no longer running")));
      byte[] secret = new byte[16];
      new SecureRandom().nextBytes(secret);
      String token = HexFormat.of().formatHex(secret);
      try {
        write(channel, new Holder(ProcessHandle.current().pid(), command,
            Instant.now().toString(), Sha256.hex(token.getBytes(StandardCharsets.UTF_8))));
      } catch (IOException e) {
        lock.release();
        throw AtomicFiles.writeFailure(file, e);
      }
      // No one else writes here now: a temporary of a process no longer running is a leftover.
      List<Path> stale = Temporaries.removeLeftovers(directory, layout.directories(), notices);
      if (!stale.isEmpty()) {
        notices.accept(directory + ": removed " + stale.size() + " temporary file(s) a stopped run"
            + " left: " + stale.stream().map(directory::relativize).map(Path::toString)
                .collect(Collectors.joining(", ")));
      }
      return new OutputLock(channel, lock, token);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Takes {@code layout}'s directory for reading by {@code command}: other readers may read beside
   * it, no writer may start until it is closed. A directory that does not exist is not created.
   *
   * @throws LockedException naming the writer, if another live process (not this one's holder)
   *     writes into the directory
   */
  public static OutputLock share(OutputLayout layout, String command) throws IOException {
    Path file = layout.lock();
    if (!Files.isDirectory(layout.root())) {
      return new OutputLock(null, null, null);
    }
    FileChannel channel;
    try {
      channel = open(file, WRITER_OPTIONS);
    } catch (IOException notWritable) {
      if (!(notWritable.getCause() instanceof AccessDeniedException)) {
        throw notWritable;
      }
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        // A directory this user cannot write into: no archbench of this user writes there.
        return new OutputLock(null, null, null);
      }
      channel = open(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
    }
    try {
      Optional<Holder> writer = read(channel);
      FileLock lock = tryLock(channel, true);
      if (lock == null) {
        return underHolder(channel, writer, layout.root(), "reading");
      }
      return new OutputLock(channel, lock, null);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * What a process this holder starts needs in its environment to work under this lock; empty for
   * a reader's lock.
   */
  public Map<String, String> environmentForChildren() {
    return childToken == null ? Map.of() : Map.of(TOKEN_VARIABLE, childToken);
  }

  /**
   * Releases the directory; a writer's file stays, empty, so that no later writer takes it for a
   * dead process's.
   */
  @Override
  public void close() throws IOException {
    if (channel == null) {
      return;
    }
    try {
      if (!lock.isShared()) {
        channel.truncate(0);
      }
      lock.release();
    } finally {
      channel.close();
    }
  }

  /**
   * Opens the lock file without following a link: a symbolic link, a directory or a device where
   * it belongs is refused, naming what to remove, instead of truncating whatever it points at.
   */
  private static FileChannel open(Path file, Set<OpenOption> options) throws IOException {
    requireRegularOrAbsent(file);
    try {
      return FileChannel.open(file, options);
    } catch (IOException e) {
      // O_NOFOLLOW: a link made between the check above and the open is refused here.
      requireRegularOrAbsent(file);
      throw new IOException(file + ": expected to open archbench's lock file, found the file"
          + " system refusing (" + FileSystemReasons.of(e) + "). Make " + file.getParent()
          + " writable, or name another output directory", e);
    }
  }

  private static void requireRegularOrAbsent(Path file) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException absent) {
      return;
    }
    if (attributes.isRegularFile()) {
      return;
    }
    String found = attributes.isSymbolicLink() ? "a symbolic link (to "
        + Files.readSymbolicLink(file) + "), which archbench never follows" : attributes.isDirectory()
            ? "a directory" : "a special file, not a regular one";
    throw new IOException(file + ": expected archbench's lock file, a regular file, found "
        + found + ". Remove it (" + (attributes.isDirectory() ? "rmdir " : "rm ") + file
        + ") and run again");
  }

  private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
    try {
      return channel.tryLock(0, Long.MAX_VALUE, shared);
    } catch (OverlappingFileLockException heldHere) {
      return null;
    }
  }

  /**
   * The lock of a process {@code holder} started (a stage of a pipeline, which holds the directory
   * for the whole run), which works under the holder's lock; any other process is refused.
   */
  private static OutputLock underHolder(FileChannel channel, Optional<Holder> holder,
      Path directory, String doing) throws IOException {
    if (!isHoldersChild(holder)) {
      throw locked(directory, doing, holder);
    }
    channel.close();
    return new OutputLock(null, null, inheritedToken());
  }

  private static LockedException locked(Path directory, String doing, Optional<Holder> writer) {
    String other = writer.filter(Holder::running).map(Holder::toString)
        .orElse("a process reading it (archbench report) or one that has not named itself yet");
    return new LockedException(directory + ": expected no other archbench writing into this"
        + " directory while " + doing + " it, found another: " + other + ". Wait for it to"
        + " finish, or give this run another output directory (--out).");
  }

  /** Whether this process was started by {@code holder}, which passed it its secret. */
  private static boolean isHoldersChild(Optional<Holder> holder) {
    String token = inheritedToken();
    return token != null && holder.isPresent() && Objects.equals(holder.get().childTokenSha256(),
        Sha256.hex(token.getBytes(StandardCharsets.UTF_8)));
  }

  private static String inheritedToken() {
    return System.getenv(TOKEN_VARIABLE);
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
