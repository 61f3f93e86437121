package org.archbench.schema.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.archbench.schema.OutputLayout;

/**
 * Another JVM taking a directory's {@link OutputLock} ({@code write} or {@code read}): it prints
 * what it got on its first line ({@code locked}, or {@code refused: <message>}) and holds the lock
 * until its standard input closes. The operating system's locks are per process, so a test of the
 * lock needs a second one.
 */
final class LockProcess implements AutoCloseable {

  public static void main(String[] args) throws Exception {
    OutputLayout layout = new OutputLayout(Path.of(args[1]));
    OutputLock lock;
    try {
      lock = args[0].equals("write")
          ? OutputLock.acquire(layout, "archbench train", false, notice -> {})
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
  private final String firstLine;

  private LockProcess(Process process) throws IOException {
    this.process = process;
    this.firstLine = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)).readLine();
  }

  /** Starts a JVM that takes {@code directory} in {@code mode}, with {@code environment} added. */
  static LockProcess start(String mode, Path directory, Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), LockProcess.class.getName(), mode,
        directory.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove(OutputLock.TOKEN_VARIABLE);
    builder.environment().putAll(environment);
    return new LockProcess(builder.start());
  }

  /** What it printed first: {@code locked}, or {@code refused: <message>}. */
  String outcome() {
    return firstLine;
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
