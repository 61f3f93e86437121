package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.io.Sha256;
import org.archbench.schema.io.JsonFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCheckTest {

  @TempDir Path run;

  @Test
  void anEmptyRunNamesEveryMissingFile() {
    RunCheck.Result result = RunCheck.of(run, List.of("mlp"), List.of("onnxruntime"));

    assertFalse(result.ok());
    for (String file : List.of("run.json", "models/mlp/mlp.onnx", "training/mlp.json",
        "eval/mlp.json", "eval/mlp.onnxruntime.predictions.csv", "robustness/mlp.json",
        "imbalance/mlp.json", "stats.json", "jmh/figures.json", "report/index.html")) {
      assertTrue(result.problems().contains(file + ": expected this result file, found no such file"),
          file + " in " + result.problems());
    }
  }

  @Test
  void theStudiesOfTheStudiedArchitecturesMustBeThere() throws IOException {
    Path fixture = Fixtures.copy(run);
    RunCheck.Studied studied = new RunCheck.Studied(List.of("cnn", "mlp"), List.of("mlp", "cnn"));

    List<String> problems = RunCheck.of(fixture, List.of("mlp", "cnn"), List.of("onnxruntime"),
        List.of(ModelVariantIds.FLOAT32), studied).problems();

    assertTrue(problems.contains(
        "transfer/mlp.json: expected this result file, found no such file"), problems.toString());
    assertTrue(problems.contains(
        "loss/cnn.json: expected this result file, found no such file"), problems.toString());
    assertFalse(problems.stream().anyMatch(p -> p.startsWith("transfer/cnn.json")
        || p.startsWith("loss/mlp.json")), problems.toString());
  }

  @Test
  void unparseableOrIncompleteFilesAreProblems() throws IOException {
    JsonFiles.write(run.resolve("run.json"),
        Fixtures.runManifest(null, Map.of("train", Fixtures.stage("failed", 1, "t"))));
    write("training/mlp.json", "{\"arch\": \"mlp\", ");
    write("eval/mlp.json", Files.readString(Fixtures.run().resolve("eval/cnn.json")));
    write("robustness/mlp.json", "{\"arch\": \"mlp\"}");
    write("eval/mlp.onnxruntime.predictions.csv", "index,label,predicted\n0,1,1\n");
    write("jmh/figures.json", "{\"figures\": [], \"createdAt\": \"2026-12-01T10:00:00Z\"}");

    List<String> problems =
        RunCheck.of(run, List.of("mlp"), List.of("onnxruntime")).problems();

    assertTrue(problems.contains("run.json: expected stage train complete, found failed"),
        problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("training/mlp.json: expected a JSON result file")),
        problems.toString());
    assertTrue(problems.contains(
        "eval/mlp.json: expected the results of mlp, found arch 'cnn'"), problems.toString());
    assertTrue(problems.contains("robustness/mlp.json: expected a RobustnessReport with every field,"
        + " found engine missing or null. The file is damaged or was edited: run the stage that"
        + " writes it again."), problems.toString());
    assertTrue(problems.contains(
        "eval/mlp.onnxruntime.predictions.csv: expected 10000 rows, found 1"), problems.toString());
    assertTrue(problems.contains("jmh/figures.json: expected a throughput figure of"
        + " onnxruntime x mlp fp32, found none"), problems.toString());
  }

  @Test
  void aFileOthersCannotReadIsAProblem() throws IOException {
    Assumptions.assumeTrue(run.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
    write("report/index.html", "<title>t</title><section></section>");
    write("stats.json", "{}");
    Files.setPosixFilePermissions(run.resolve("report"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(run.resolve("report/index.html"),
        PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(run.resolve("stats.json"),
        PosixFilePermissions.fromString("rw-r--r--"));

    List<String> problems = RunCheck.of(run, List.of("mlp"), List.of("onnxruntime")).problems();

    assertTrue(problems.contains("report/index.html: expected a file others can read (rw-r--r--),"
        + " found rw-------. Make it readable (chmod -R a+rX " + run + ") before publishing or"
        + " copying the run."), problems.toString());
    assertFalse(problems.stream().anyMatch(p -> p.startsWith("stats.json: expected a file others")),
        problems.toString());
    assertFalse(problems.stream().anyMatch(p -> p.startsWith(".: ")), problems.toString());
  }

  @Test
  void aTemporaryFileLeftBehindIsAProblem() throws Exception {
    Process stopped = new ProcessBuilder("true").start();
    stopped.waitFor();
    String leftover = "models/cnn/.cnn.onnx.archbench-" + stopped.pid() + "-4.tmp";
    write(leftover, "half an export");

    List<String> problems = RunCheck.of(run, List.of("mlp"), List.of("onnxruntime")).problems();

    assertTrue(problems.contains(leftover + ": expected no temporary files, found one a stopped"
        + " run left; the next archbench command writing into " + run + " removes it"),
        problems.toString());
  }

  @Test
  void aTemporaryFileOfAWriterStillRunningIsNoProblem() throws Exception {
    String writing = "report/.index.html.archbench-" + ProcessHandle.current().pid() + "-4.tmp";
    write(writing, "a report being written");

    List<String> problems = RunCheck.of(run, List.of("mlp"), List.of("onnxruntime")).problems();

    assertTrue(problems.stream().noneMatch(problem -> problem.startsWith(writing)),
        problems.toString());
  }

  private void write(String file, String content) throws IOException {
    Path path = run.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }
}
