package org.archbench.schema.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.archbench.schema.OutputLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelChangesTest {

  @TempDir Path run;

  private MeasuredModel measuredCnn() throws IOException {
    OutputLayout layout = new OutputLayout(run);
    Path directory = layout.modelDirectory("cnn");
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(OutputLayout.KEY_FILE), "{\"arch\":\"cnn\"}");
    Files.writeString(directory.resolve("cnn.onnx"), "first export");
    return MeasuredModel.of(layout, directory.resolve("cnn.onnx"));
  }

  @Test
  void namesTheFileRelativeToTheRun() throws IOException {
    MeasuredModel model = measuredCnn();

    assertEquals("models/cnn/cnn.onnx", model.file());
    assertEquals("models/cnn/key.json", model.trainingKeyFile());
  }

  @Test
  void aModelFileOutsideTheRunIsRefused() {
    for (String file : new String[] {"/etc/passwd", "models/../../etc/passwd", "models//cnn.onnx",
        "models\\cnn\\cnn.onnx", "models/cnn/cnn\0.onnx", ""}) {
      IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
          () -> new MeasuredModel(file, "ab", "cd"), file);
      assertTrue(refused.getMessage().contains("path inside the run"), refused.getMessage());
      assertTrue(refused.getMessage().indexOf('\0') < 0, "the message prints no NUL");
    }
  }

  @Test
  void anUnchangedModelIsCurrent() throws IOException {
    MeasuredModel model = measuredCnn();

    assertEquals(Optional.empty(),
        new ModelChanges(new OutputLayout(run)).stale(model, "eval/cnn.json", "evaluate"));
  }

  @Test
  void aModelExportedAgainMakesTheResultStale() throws IOException {
    MeasuredModel model = measuredCnn();
    Files.writeString(run.resolve("models/cnn/cnn.onnx"), "second export");

    assertEquals(Optional.of("stale: models/cnn/cnn.onnx changed after eval/cnn.json was written;"
            + " run evaluate again"),
        new ModelChanges(new OutputLayout(run)).stale(model, "eval/cnn.json", "evaluate"));
  }

  @Test
  void aModelTrainedAgainUnderAnotherKeyMakesTheResultStale() throws IOException {
    MeasuredModel model = measuredCnn();
    Files.writeString(run.resolve("models/cnn/key.json"), "{\"arch\":\"cnn\",\"seed\":2}");

    assertEquals(Optional.of("stale: models/cnn/key.json changed after robustness/cnn.json was"
            + " written (the model was trained again); run robustness again"),
        new ModelChanges(new OutputLayout(run)).stale(model, "robustness/cnn.json", "robustness"));
  }

  @Test
  void aModelFileGoneMakesTheResultStale() throws IOException {
    MeasuredModel model = measuredCnn();
    Files.delete(run.resolve("models/cnn/cnn.onnx"));

    assertEquals(Optional.of("stale: models/cnn/cnn.onnx is gone since eval/cnn.json was written"
            + " (the model was trained or exported again, or removed); run evaluate again"),
        new ModelChanges(new OutputLayout(run)).stale(model, "eval/cnn.json", "evaluate"));
  }

  @Test
  void aRunCopiedWithoutItsModelsCannotBeChecked() throws IOException {
    MeasuredModel model = measuredCnn();
    Files.delete(run.resolve("models/cnn/cnn.onnx"));
    Files.delete(run.resolve("models/cnn/key.json"));
    Files.delete(run.resolve("models/cnn"));
    ModelChanges changes = new ModelChanges(new OutputLayout(run));

    assertEquals(false, changes.checkable(model));
    assertEquals(Optional.empty(), changes.stale(model, "eval/cnn.json", "evaluate"));
  }

  @Test
  void aResultThatRecordedNoModelCannotBeCalledStale() throws IOException {
    assertEquals(Optional.empty(),
        new ModelChanges(new OutputLayout(run)).stale(null, "eval/cnn.json", "evaluate"));
  }
}
