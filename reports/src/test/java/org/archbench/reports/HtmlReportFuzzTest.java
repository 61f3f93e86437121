package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.fuzz.NamedFailures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as one result file of a run, the others intact: {@code report} renders a page or fails
 * with an IOException naming a file of the run, {@code check} lists problems and never throws, and
 * neither writes anywhere but the report's directory.
 *
 * <p>The first line of an input names the file, relative to the run (another name picks one by
 * its hash), the rest is its content. {@code mvn verify} replays {@code HtmlReportFuzzTestInputs/resultFile/}: each file of the
 * fixture run as it is, and what fuzzing found; {@code JAZZER_FUZZ=1} fuzzes.
 */
class HtmlReportFuzzTest {

  @TempDir static Path root;
  private static Path run;
  private static Path out;
  private static List<Path> files;

  @BeforeAll
  static void copyTheFixtureRun() throws IOException {
    run = Fixtures.copy(root.resolve("run"));
    out = root.resolve("report");
    files = Stream.concat(jsonFiles(), Stream.of(new OutputLayout(run).runManifest()))
        .distinct().sorted().toList();
  }

  private static Stream<Path> jsonFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(run)) {
      return walk.filter(file -> file.toString().endsWith(".json")).toList().stream();
    }
  }

  @FuzzTest(maxDuration = "60s")
  @Timeout(30)
  void resultFile(byte[] input) throws IOException {
    int newline = indexOf(input, (byte) '\n');
    String name = new String(input, 0, newline, StandardCharsets.UTF_8);
    Path file = files.stream().filter(path -> run.relativize(path).toString().equals(name))
        .findFirst().orElse(files.get(Math.floorMod(name.hashCode(), files.size())));
    byte[] original = Files.exists(file) ? Files.readAllBytes(file) : null;
    Files.write(file, Arrays.copyOfRange(input, Math.min(newline + 1, input.length), input.length));
    List<String> before = listing();
    try {
      try {
        HtmlReport.write(run, out, null);
      } catch (IOException | IllegalArgumentException e) {
        NamedFailures.requireNamed(e, run);
      }
      RunCheck.of(run, List.of("mlp", "cnn"), List.of("onnxruntime", "pytorch"));
      assertEquals(before, listing(), "report and check write only into the report's directory");
    } finally {
      if (original == null) {
        Files.delete(file);
      } else {
        Files.write(file, original);
      }
    }
  }

  private static int indexOf(byte[] bytes, byte value) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return bytes.length;
  }

  /** Every path under the fixture's root but the report's own directory. */
  private static List<String> listing() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(path -> !path.startsWith(out)).map(Path::toString).sorted().toList();
    }
  }
}
