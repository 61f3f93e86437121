package org.archbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.archbench.harness.data.IdxDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

  @TempDir Path dir;

  /** A finished run of the CLI: its exit code and what it printed. */
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Test
  void everySubcommandHasHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.newCommandLine(), new ArrayList<>(), paths);
    assertTrue(paths.size() >= 3, "expected archbench, data and data verify, found " + paths);

    PrintStream standardError = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    try {
      // picocli formats descriptions with String.format and warns on stderr when one fails.
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      for (List<String> path : paths) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        Run run = run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), () -> "--help of " + path);
        assertTrue(run.out().startsWith("Usage: archbench"), () -> "--help of " + path + ": " + run.out());
      }
    } finally {
      System.setErr(standardError);
    }
    assertEquals("", warnings.toString(StandardCharsets.UTF_8), "picocli's warnings on the help texts");
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    command.getSubcommands().forEach((name, sub) -> {
      List<String> subPath = new ArrayList<>(path);
      subPath.add(name);
      collect(sub, subPath, paths);
    });
  }

  @Test
  void theReportPrintsThePickTable() throws IOException {
    Files.writeString(dir.resolve("stats.json"), "{\"engine\": \"onnxruntime\", \"alpha\": 0.05,"
        + " \"pairs\": [], \"seeds\": [], \"createdAt\": \"2026-12-01T10:00:00Z\"}");

    Run run = run("report", "--in", dir.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Which should I pick?"), run.out());
    assertTrue(run.out().contains("nothing to pick from: no configuration was evaluated"),
        run.out());
    assertTrue(Files.isRegularFile(dir.resolve("report/index.html")));
  }

  @Test
  void aHeadToHeadPairNotOfTwoArchitecturesIsAUserError() throws IOException {
    Files.writeString(dir.resolve("stats.json"), "{\"engine\": \"onnxruntime\", \"alpha\": 0.05,"
        + " \"pairs\": [], \"seeds\": [], \"createdAt\": \"2026-12-01T10:00:00Z\"}");

    Run run = run("report", "--in", dir.toString(), "--pairs", "cnn");

    assertTrue(run.exitCode() != 0);
    assertTrue(run.err().contains("expected a pair of two architectures as LEFT:RIGHT"), run.err());
  }

  @Test
  void aHeadToHeadPairOfAnUnknownArchitectureIsRefusedAsArchIs() throws IOException {
    Files.writeString(dir.resolve("stats.json"), "{\"engine\": \"onnxruntime\", \"alpha\": 0.05,"
        + " \"pairs\": [], \"seeds\": [], \"createdAt\": \"2026-12-01T10:00:00Z\"}");
    Run arch = run("stats", "--arch", "nosuch", "--out", dir.toString());

    Run run = run("report", "--in", dir.toString(), "--pairs", "cnn:nosuch");

    assertEquals(arch.exitCode(), run.exitCode(), run.err());
    assertEquals(UserErrorHandler.BAD_INPUT, run.exitCode());
    assertTrue(run.err().startsWith("error: --pairs cnn:nosuch: expected one of the architectures"
        + " mlp, cnn"), run.err());
    assertTrue(run.err().contains("found 'nosuch'"), run.err());
    assertTrue(Files.notExists(dir.resolve("report")), "nothing written");
  }

  @Test
  void aHeadToHeadPairIsSpelledAsTheRegistrySpellsIt() throws IOException {
    Files.writeString(dir.resolve("stats.json"), "{\"engine\": \"onnxruntime\", \"alpha\": 0.05,"
        + " \"pairs\": [], \"seeds\": [], \"createdAt\": \"2026-12-01T10:00:00Z\"}");

    Run run = run("report", "--in", dir.toString(), "--pairs", "CNN:MLP");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.readString(dir.resolve("report/index.html"))
        .contains("cnn against mlp: no results of cnn or mlp in this run"));
  }

  /** A dataset directory whose training images end after 1,000 of their bytes. */
  private Path truncatedTrainImages() throws IOException {
    Path images = dir.resolve("train-images-idx3-ubyte");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(images))) {
      out.writeInt(2051);
      out.writeInt(60_000);
      out.writeInt(28);
      out.writeInt(28);
      out.write(new byte[1000]);
    }
    for (String name : List.of("train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte")) {
      Files.write(dir.resolve(name), new byte[0]);
    }
    return images;
  }

  @Test
  void truncatedTrainImagesFailWithTheFileAndWhatWasExpected() throws IOException {
    Path images = truncatedTrainImages();

    Run run = run("data", "verify", "--data", dir.toString());

    assertEquals(UserErrorHandler.BAD_INPUT, run.exitCode());
    assertTrue(run.err().contains(images.toString()), run.err());
    assertTrue(run.err().contains("truncated file"), run.err());
    assertTrue(run.err().contains("expected: 47,040,000 data bytes"), run.err());
    assertTrue(run.err().contains("found:    1,000 bytes"), run.err());
    assertTrue(run.err().contains("apt-get install dataset-fashion-mnist"), run.err());
  }

  @Test
  void aUsersFaultPrintsItsStackTraceOnlyWhenVerbose() throws IOException {
    truncatedTrainImages();

    Run plain = run("data", "verify", "--data", dir.toString());
    Run verbose = run("data", "verify", "--data", dir.toString(), "--verbose");
    Run verboseFirst = run("--verbose", "data", "verify", "--data", dir.toString());

    assertEquals(UserErrorHandler.BAD_INPUT, plain.exitCode());
    assertTrue(plain.err().startsWith("error: ") && !plain.err().contains("\tat "), plain.err());
    for (Run run : List.of(verbose, verboseFirst)) {
      assertEquals(UserErrorHandler.BAD_INPUT, run.exitCode());
      assertTrue(run.err().startsWith(plain.err()), run.err());
      assertTrue(run.err().contains("\tat org.archbench.harness.data."), run.err());
    }
  }

  @Test
  void benchDataPropertyIsTheDataOption() {
    Path absent = dir.resolve("named-by-property");
    String previous = System.getProperty("bench.data");
    System.setProperty("bench.data", absent.toString());
    try {
      Run run = run("data", "verify", "--no-download");

      assertEquals(UserErrorHandler.BAD_INPUT, run.exitCode());
      assertTrue(run.err().contains(absent + " no such directory"), run.err());
    } finally {
      if (previous == null) {
        System.clearProperty("bench.data");
      } else {
        System.setProperty("bench.data", previous);
      }
    }
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run run = run("data", "verify", "--bogus");

    assertEquals(CommandLine.ExitCode.USAGE, run.exitCode());
    assertTrue(run.err().contains("Unknown option: '--bogus'"), run.err());
  }

  @Test
  void verifiesTheRealDatasetWhereInstalled() {
    Path system = IdxDatasets.FASHION_MNIST.systemDirectory();
    assumeTrue(Files.isDirectory(system), "Fashion-MNIST is not installed on this machine");

    Run run = run("data", "verify", "--data", system.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("Images: train 60,000, test 10,000 (28x28)"), run.out());
    assertTrue(run.out().contains("train 54,000 / validation 6,000"), run.out());
    assertTrue(run.out().contains(
        "  9  Ankle boot      6,000    1,000        5,400          600"), run.out());
    assertEquals(4, run.out().lines().filter(line -> line.endsWith("  OK")).count(), run.out());
  }
}
