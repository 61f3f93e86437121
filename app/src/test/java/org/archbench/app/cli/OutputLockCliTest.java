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
import java.util.List;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.OutputLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The output directory as the commands take it: one writer at a time, no writer while a report
 * reads, a run of a newer archbench left alone, and a directory of the user's never written into.
 */
class OutputLockCliTest {

  /** Holds the lock of the directory in args[1] (args[0]: write or read) until stdin closes. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      OutputLayout layout = new OutputLayout(Path.of(args[1]));
      try (OutputLock lock = args[0].equals("write")
          ? OutputLock.acquire(layout, "archbench train", false, notice -> {})
          : OutputLock.share(layout, "archbench report")) {
        System.out.println("locked " + lock.getClass().getSimpleName());
        System.out.flush();
        System.in.read();
      }
    }
  }

  /** A finished run of the CLI: its exit code and what it printed. */
  private record Run(int exitCode, String out, String err) {}

  @TempDir Path out;
  @TempDir Path noDataset;

  @Test
  void aSecondWriterStopsAtOnceNamingTheOtherProcessAndRecordsNothing() throws Exception {
    Process holder = hold("write");
    try {
      String[] stats = {"stats", "--out", out.toString(), "--data", noDataset.toString(),
          "--no-download"};
      Run refused = run(stats);

      assertEquals(UserErrorHandler.BAD_INPUT, refused.exitCode(), refused.err());
      assertTrue(refused.err().contains("expected no other archbench writing into this"
          + " directory while writing into it, found another: pid " + holder.pid()
          + " (archbench train), started "), refused.err());
      assertFalse(Files.exists(out.resolve("run.json")), "the refused stage is not recorded");

      release(holder);
      assertFalse(run(stats).err().contains("expected no other archbench"));
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void noStageWritesWhileAReportReadsTheRunAndNoReportReadsWhileAStageWrites() throws Exception {
    Files.writeString(out.resolve("stats.json"), "{\"engine\": \"onnxruntime\", \"alpha\": 0.05,"
        + " \"pairs\": [], \"seeds\": [], \"createdAt\": \"2026-12-01T10:00:00Z\"}");
    Process reader = hold("read");
    try {
      Run stats = run("stats", "--out", out.toString(), "--data", noDataset.toString(),
          "--no-download");

      assertEquals(UserErrorHandler.BAD_INPUT, stats.exitCode(), stats.err());
      assertTrue(stats.err().contains("found another: a process reading it (archbench report)"),
          stats.err());
    } finally {
      release(reader);
    }
    Process writer = hold("write");
    try {
      Run report = run("report", "--in", out.toString());

      assertEquals(UserErrorHandler.BAD_INPUT, report.exitCode(), report.err());
      assertTrue(report.err().contains("expected no other archbench writing into this directory"
          + " while reading it, found another: pid " + writer.pid()), report.err());
      assertFalse(Files.exists(out.resolve("report")), "a refused report writes nothing");
    } finally {
      release(writer);
    }
    assertEquals(0, run("report", "--in", out.toString()).exitCode());
  }

  @Test
  void aDirectoryOfTheUsersIsNotWrittenIntoAndNothingOfItIsRemoved() throws Exception {
    Path project = Files.createDirectories(out.resolve("myproject"));
    List<Path> theirs = List.of(
        Files.writeString(Files.createDirectories(project.resolve("src")).resolve(".Main.java.tmp"),
            "class Main {}"),
        Files.writeString(Files.createDirectories(project.resolve("notes"))
            .resolve(".draft.md.tmp"), "draft"),
        Files.writeString(Files.createDirectories(project.resolve(".staging-photos"))
            .resolve("photo.jpg"), "jpeg"));

    Run evaluate = run("evaluate", "--out", project.toString(), "--data", noDataset.toString(),
        "--no-download");

    assertEquals(UserErrorHandler.BAD_INPUT, evaluate.exitCode(), evaluate.err());
    assertTrue(evaluate.err().startsWith("error: " + project + ": expected an archbench output"
        + " directory (run.json, models/, eval/, ...) or an empty one, found one that holds other"
        + " files (.staging-photos, notes, src)."), evaluate.err());
    for (Path file : theirs) {
      assertTrue(Files.exists(file), file + " is the user's");
    }
    try (var entries = Files.list(project)) {
      assertEquals(3, entries.count(), "nothing of archbench's was written there");
    }
  }

  @Test
  void aRunOfANewerArchbenchIsLeftAsItIs() throws Exception {
    String newer = "{\"formatVersion\": \"9.0\", \"label\": \"from the future\"}";
    Files.writeString(out.resolve("run.json"), newer);

    Run stats = run("stats", "--out", out.toString(), "--data", noDataset.toString(),
        "--no-download");

    assertEquals(UserErrorHandler.BAD_INPUT, stats.exitCode(), stats.err());
    assertTrue(stats.err().contains(out.resolve("run.json") + ": expected a run.json this"
        + " archbench reads (format 1.x or older), found version 9.0, written by a newer"
        + " archbench"), stats.err());
    assertEquals(newer, Files.readString(out.resolve("run.json")));
    try (var entries = Files.list(out)) {
      assertTrue(entries.noneMatch(entry -> entry.getFileName().toString().contains("damaged")));
    }
  }

  @Test
  void benchingADirectoryThatDoesNotExistCreatesNothing() {
    Path typo = out.resolve("targt/bench");

    Run bench = run("bench", "--in", typo.toString(), "--no-profile");

    assertEquals(UserErrorHandler.BAD_INPUT, bench.exitCode(), bench.err());
    assertTrue(bench.err().startsWith("error: " + typo + ": expected the output directory of a run"
        + " whose models are to be measured, found no such directory."), bench.err());
    assertFalse(Files.exists(out.resolve("targt")));
  }

  /** Starts a JVM that holds {@code out} in {@code mode} (write or read), once it has it. */
  private Process hold(String mode) throws Exception {
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), Holder.class.getName(), mode,
        out.toString()).redirectErrorStream(true).start();
    BufferedReader printed = new BufferedReader(
        new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("locked OutputLock", printed.readLine());
    return holder;
  }

  private static void release(Process holder) throws Exception {
    holder.getOutputStream().close();
    assertEquals(0, holder.waitFor());
  }

  private static Run run(String... args) {
    StringWriter output = new StringWriter();
    StringWriter errors = new StringWriter();
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(output, true));
    commandLine.setErr(new PrintWriter(errors, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, output.toString(), errors.toString());
  }
}
