package org.archbench.harness.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.harness.engine.Engines;
import org.archbench.harness.engine.InferenceEngine;
import org.archbench.harness.export.OnnxMetadata;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.fuzz.NamedFailures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes as one file of a model directory, the other files intact: reading the model (arch.json
 * and key.json checked against each other, the ONNX file's provenance against both) and opening
 * it on ONNX Runtime either succeeds or fails with an IOException or IllegalArgumentException
 * naming the file, in bounded time.
 *
 * <p>{@code mvn verify} replays {@code ModelFilesFuzzTestInputs/<target>/}: the fixture's own
 * files (checked below to still be them) and what fuzzing found; {@code JAZZER_FUZZ=1} fuzzes.
 */
class ModelFilesFuzzTest {

  private static final Path SEEDS =
      Path.of("src/test/resources/org/archbench/harness/model/ModelFilesFuzzTestInputs");

  @TempDir static Path models;
  private static Path directory;

  @BeforeAll
  static void exportAModel() throws IOException {
    directory = models.resolve(Architectures.MLP.id());
    ModelFixtures.writeExported(directory, Architectures.MLP);
  }

  @FuzzTest(maxDuration = "60s")
  @Timeout(10)
  void specFile(byte[] content) throws IOException {
    readWith(OutputLayout.SPEC_FILE, content);
  }

  @FuzzTest(maxDuration = "60s")
  @Timeout(10)
  void keyFile(byte[] content) throws IOException {
    readWith(OutputLayout.KEY_FILE, content);
  }

  @FuzzTest(maxDuration = "60s")
  @Timeout(10)
  void onnxFile(byte[] content) throws IOException {
    readWith("mlp.onnx", content);
  }

  /**
   * The seeds are the fixture's own files (the ONNX seed with its parameters left out), so that
   * fuzzing starts from inputs that pass every check.
   */
  @Test
  void theSeedsAreTheFixturesOwnFiles() throws IOException {
    assertArrayEquals(Files.readAllBytes(directory.resolve(OutputLayout.SPEC_FILE)),
        Files.readAllBytes(SEEDS.resolve("specFile").resolve(OutputLayout.SPEC_FILE)));
    assertArrayEquals(Files.readAllBytes(directory.resolve(OutputLayout.KEY_FILE)),
        Files.readAllBytes(SEEDS.resolve("keyFile").resolve(OutputLayout.KEY_FILE)));
    assertEquals(OnnxMetadata.read(directory.resolve("mlp.onnx")),
        OnnxMetadata.read(SEEDS.resolve("onnxFile/mlp-without-parameters.onnx")));
  }

  /** Reads the model with {@code file} replaced by {@code content}, then puts the original back. */
  private static void readWith(String file, byte[] content) throws IOException {
    Path path = directory.resolve(file);
    byte[] original = Files.readAllBytes(path);
    Files.write(path, content);
    try {
      ModelFiles files = ModelFiles.in(directory);
      try (InferenceEngine engine =
          Engines.byId("onnxruntime").open(files, EngineSettings.cpuDefaults())) {
        engine.version();
      }
    } catch (IOException | IllegalArgumentException e) {
      // A damaged key.json may be reported as the arch.json it no longer matches: the directory.
      NamedFailures.requireNamed(e, directory);
    } finally {
      Files.write(path, original);
    }
  }
}
