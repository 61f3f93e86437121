package org.archbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.OutputLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Two processes writing into one output directory: the second is told at once who has it. */
class OutputLockCliTest {

  /** Holds the lock of the directory in args[0] until its standard input closes. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      try (OutputLock lock = OutputLock.acquire(new OutputLayout(Path.of(args[0])),
          "archbench train", false, notice -> {})) {
        System.out.println("locked " + lock.getClass().getSimpleName());
        System.out.flush();
        System.in.read();
      }
    }
  }

  @TempDir Path out;
  @TempDir Path noDataset;

  @Test
  void aSecondWriterStopsAtOnceNamingTheOtherProcessAndRecordsNothing() throws Exception {
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), Holder.class.getName(),
        out.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader printed = new BufferedReader(
          new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked OutputLock", printed.readLine());

      String[] stats = {"stats", "--out", out.toString(), "--data", noDataset.toString(),
          "--no-download"};
      StringWriter errors = new StringWriter();
      int exitCode = run(errors, stats);

      assertEquals(UserErrorHandler.BAD_INPUT, exitCode, errors.toString());
      assertTrue(errors.toString().contains("expected no other archbench writing into this"
          + " directory while writing into it, found another: pid " + holder.pid()
          + " (archbench train), started "),
          errors.toString());
      assertFalse(Files.exists(out.resolve("run.json")), "the refused stage is not recorded");

      holder.getOutputStream().close();
      assertEquals(0, holder.waitFor());
      StringWriter after = new StringWriter();
      run(after, stats);
      assertFalse(after.toString().contains("expected no other archbench"), after.toString());
    } finally {
      holder.destroyForcibly();
    }
  }

  private static int run(StringWriter errors, String... args) {
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(new StringWriter()));
    commandLine.setErr(new PrintWriter(errors, true));
    return commandLine.execute(args);
  }
}
