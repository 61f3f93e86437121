package org.archbench.schema.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.archbench.schema.OutputLayout;

/**
 * Another JVM taking a directory's {@link OutputLock} ({@code write} or {@code read}): it prints
 * the lock's notices ({@code note: ...}), then what it got ({@code locked}, or
 * {@code refused: <message>}), and holds the lock until its standard input closes. The operating
 * system's locks are per process, so a test of the lock needs a second one; a test of what a user
 * may not read needs one that is not root ({@link #startAsAnotherUser}).
 */
final class LockProcess implements AutoCloseable {

  public static void main(String[] args) throws Exception {
    OutputLayout layout = new OutputLayout(Path.of(args[1]));
    OutputLock lock;
    try {
      lock = args[0].equals("write")
          ? OutputLock.acquire(layout, "archbench train", false,
              notice -> System.out.println("note: " + notice))
          : OutputLock.share(layout, "archbench report");
    } catch (IOException refused) {
      System.out.println("refused: " + refused.getMessage());
      return;
    }
    try (lock) {
      System.out.println("locked");
      System.out.flush();
      System.in.read();
    }
  }

  private final Process process;
  private final List<String> notes = new ArrayList<>();
  private final String outcome;

  private LockProcess(Process process) throws IOException {
    this.process = process;
    BufferedReader printed = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    String line = printed.readLine();
    while (line != null && line.startsWith("note: ")) {
      notes.add(line.substring("note: ".length()));
      line = printed.readLine();
    }
    this.outcome = line;
  }

  /** Starts a JVM that takes {@code directory} in {@code mode}, with {@code environment} added. */
  static LockProcess start(String mode, Path directory, Map<String, String> environment)
      throws IOException {
    return start(List.of(), System.getProperty("java.class.path"), mode, directory, environment);
  }

  /**
   * Starts a JVM that takes {@code directory} in {@code mode} as a user other than root: as
   * {@code nobody} when this process is root (its class path copied where that user can read it,
   * into {@code scratch}), else as this user, whom file permissions already bind.
   */
  static LockProcess startAsAnotherUser(String mode, Path directory, Path scratch)
      throws IOException {
    if (!isRoot()) {
      return start(mode, directory, Map.of());
    }
    List<String> classPath = new ArrayList<>();
    int index = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path copy = scratch.resolve("classpath-" + index++);
      copyReadable(Path.of(entry), copy);
      classPath.add(copy.toString());
    }
    readableByAll(scratch);
    return start(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
        String.join(java.io.File.pathSeparator, classPath), mode, directory, Map.of());
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void copyReadable(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
        readableByAll(target);
      }
    }
  }

  private static void readableByAll(Path path) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
  }

  private static LockProcess start(List<String> asUser, String classPath, String mode,
      Path directory, Map<String, String> environment) throws IOException {
    List<String> command = new ArrayList<>(asUser);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, LockProcess.class.getName(), mode, directory.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove(OutputLock.TOKEN_VARIABLE);
    builder.environment().putAll(environment);
    return new LockProcess(builder.start());
  }

  /** What it got: {@code locked}, or {@code refused: <message>}. */
  String outcome() {
    return outcome;
  }

  /** The lock's notices it printed before. */
  List<String> notes() {
    return notes;
  }

  long pid() {
    return process.pid();
  }

  /** Releases the lock and waits for the process to end. */
  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (process.waitFor() != 0) {
      throw new AssertionError("the lock process exited with " + process.exitValue());
    }
  }
}
