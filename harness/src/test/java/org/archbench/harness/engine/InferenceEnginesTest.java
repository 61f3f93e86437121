package org.archbench.harness.engine;

import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelFixtures;
import org.archbench.schema.engine.EngineSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.models.spec.Architectures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing and corrupt model files name the file and what was wrong with it. */
class InferenceEnginesTest {

  @TempDir Path directory;

  private ModelFiles mlpFiles() throws IOException {
    ModelFixtures.writeSpecAndKey(directory, Architectures.MLP);
    return ModelFiles.in(directory);
  }

  @Test
  void missingSpecSaysHowToMakeIt() {
    IOException error = assertThrows(IOException.class, () -> ModelFiles.in(directory));

    assertTrue(error.getMessage().startsWith(directory.resolve("arch.json") + ": expected the"
        + " architecture spec of a trained model, found no such file"), error.getMessage());
  }

  @Test
  void missingOnnxFileSaysHowToExportIt() throws IOException {
    ModelFiles files = mlpFiles();

    for (EngineKind kind : new EngineKind[] {Engines.byId("onnxruntime"), Engines.byId("djl-onnxruntime"),
        Engines.byId("opencv")}) {
      IOException error = assertThrows(IOException.class,
          () -> kind.open(files, EngineSettings.cpuDefaults()));
      assertEquals(files.onnx() + ": expected an ONNX model, found no such file. Export it first:"
          + " archbench export --arch mlp", error.getMessage());
    }
  }

  @Test
  void corruptOnnxFileIsNamed() throws IOException {
    ModelFiles files = mlpFiles();
    Files.write(files.onnx(), new byte[] {1, 2, 3, 4, 5});

    for (EngineKind kind : new EngineKind[] {Engines.byId("onnxruntime"), Engines.byId("djl-onnxruntime"),
        Engines.byId("opencv")}) {
      IOException error = assertThrows(IOException.class,
          () -> kind.open(files, EngineSettings.cpuDefaults()));
      assertTrue(error.getMessage().startsWith(files.onnx() + ": expected an ONNX model, found bytes"
          + " that are not one"), error.getMessage());
    }
  }

  @Test
  void missingDjlParametersAreNamed() throws IOException {
    ModelFiles files = mlpFiles();

    IOException error = assertThrows(IOException.class,
        () -> Engines.byId(Engines.TRAINING_ENGINE).open(files, EngineSettings.cpuDefaults()));

    // What training writes first of the parameters, their record, is what is named missing.
    assertTrue(error.getMessage().startsWith(directory.resolve("params.json") + ": expected the"
        + " record of the parameters training saved"), error.getMessage());
  }

  @Test
  void unknownEngineListsTheKnownOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Engines.byId("tensorflow"));

    assertEquals("expected one of the engines onnxruntime, pytorch, djl-onnxruntime, opencv,"
        + " found 'tensorflow'", error.getMessage());
  }
}
