package org.archbench.harness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.Engines;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.fuzz.NamedFailures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model directory whose files are each taken from this model or from another model's file of
 * the same role: another training's (seed 2), another architecture's (cnn's, under mlp's name), or,
 * for an ONNX file, the other variant's. Opening the float32 model on ONNX Runtime and on PyTorch
 * and the int8 model on ONNX Runtime either fails naming a file of the directory, or loads a file of
 * the model key.json names, of the variant asked for: a result, which names that key, never
 * describes another model than the one it measured.
 *
 * <p>The input's byte i picks the source of the i-th file of {@link #FILES}; a missing byte keeps
 * the model's own. {@code mvn verify} replays {@code ModelDirectoryFuzzTestInputs/modelDirectory/};
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class ModelDirectoryFuzzTest {

  /** The files of models/mlp/, in the order the input's bytes pick their sources. */
  private static final List<String> FILES = List.of(OutputLayout.SPEC_FILE, OutputLayout.KEY_FILE,
      OutputLayout.PARAMS_PROVENANCE_FILE, "mlp-0001.params", "mlp.onnx", "mlp.int8.onnx");

  @TempDir static Path models;

  /** Each file's candidate sources, keyed by the model (and variant) their bytes belong to. */
  private static final Map<String, List<Source>> SOURCES = new LinkedHashMap<>();

  /** A file to copy in, and which model's (for an ONNX file: which model's and variant's) it is. */
  private record Source(Path file, String origin) {}

  @BeforeAll
  static void trainAndExportThreeModels() throws IOException {
    Path own = models.resolve("own/mlp");
    Path otherTraining = models.resolve("other-training/mlp");
    Path otherArch = models.resolve("other-arch/cnn");
    ModelFixtures.writeTrainedAndExported(own, Architectures.MLP, 1);
    ModelFixtures.writeTrainedAndExported(otherTraining, Architectures.MLP, 2);
    ModelFixtures.writeTrainedAndExported(otherArch, Architectures.CNN, 1);
    for (String file : FILES) {
      String variant = file.endsWith(".int8.onnx") ? "/int8" : file.endsWith(".onnx") ? "/fp32" : "";
      List<Source> sources = new ArrayList<>(List.of(
          new Source(own.resolve(file), "mlp-1" + variant),
          new Source(otherTraining.resolve(file), "mlp-2" + variant),
          new Source(otherArch.resolve(file.replace("mlp", "cnn")), "cnn-1" + variant)));
      if (file.equals("mlp.onnx")) {
        sources.add(new Source(own.resolve("mlp.int8.onnx"), "mlp-1/int8"));
      } else if (file.equals("mlp.int8.onnx")) {
        sources.add(new Source(own.resolve("mlp.onnx"), "mlp-1/fp32"));
      }
      SOURCES.put(file, sources);
    }
  }

  @FuzzTest(maxDuration = "60s")
  @Timeout(20)
  void modelDirectory(byte[] choices) throws IOException {
    // Every file is copied over on each input, so one directory serves them all.
    Path directory = Files.createDirectories(models.resolve("assembled/mlp"));
    Map<String, String> origins = new LinkedHashMap<>();
    for (int i = 0; i < FILES.size(); i++) {
      List<Source> sources = SOURCES.get(FILES.get(i));
      Source source = sources.get(i < choices.length ? Math.floorMod(choices[i], sources.size()) : 0);
      Files.copy(source.file(), directory.resolve(FILES.get(i)), StandardCopyOption.REPLACE_EXISTING);
      origins.put(FILES.get(i), source.origin());
    }
    String model = origins.get(OutputLayout.KEY_FILE);
    measure(directory, "onnxruntime", "fp32", "mlp.onnx", model + "/fp32", origins);
    measure(directory, "onnxruntime", "int8", "mlp.int8.onnx", model + "/int8", origins);
    measure(directory, "pytorch", "fp32", "mlp-0001.params", model, origins);
  }

  /**
   * Opens {@code engine} on {@code variant} of the model in {@code directory}: it fails naming a
   * file of the directory, or the file it loaded, {@code measured}, is of {@code expected}.
   */
  private static void measure(Path directory, String engine, String variant, String measured,
      String expected, Map<String, String> origins) {
    try {
      ModelFiles files = ModelFiles.in(directory).as(ModelVariants.byId(variant));
      EngineKind kind = Engines.byId(engine);
      kind.open(files, EngineSettings.cpuDefaults()).close();
    } catch (IOException | IllegalArgumentException refused) {
      NamedFailures.requireNamed(refused, directory);
      return;
    }
    assertEquals(expected, origins.get(measured), engine + " measured " + measured + " of "
        + origins.get(measured) + " as the " + variant + " model of " + expected + "; the files: "
        + origins);
  }
}
