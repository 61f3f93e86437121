package org.archbench.harness.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.engine.Engines;
import org.archbench.harness.model.ExportedModels;
import org.archbench.harness.model.ModelVariants;
import org.archbench.harness.training.SyntheticData;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.eval.EvaluationReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What stats reads: only predictions their evaluation lists, wrote, and measured the model of. */
class RecordedPredictionsTest {

  @TempDir Path out;

  private final LoadedDataset data = SyntheticData.dataset(640, 200);

  private OutputLayout layout;
  private EvaluationReport evaluation;

  @BeforeEach
  void trainExportAndEvaluate() throws IOException {
    layout = ExportedModels.trainAndExport(Architectures.MLP, data, out);
    evaluation = Evaluator.evaluate(layout, "mlp", data, List.of(Engines.byId("onnxruntime")),
        List.of(ModelVariants.float32()), EngineSettings.cpuDefaults());
  }

  @Test
  void predictionsOfTheirEvaluationComeWithTheirModel() throws IOException {
    RecordedPredictions read = RecordedPredictions.read(layout, "mlp", "onnxruntime", data.test());

    assertEquals(evaluation.engine("onnxruntime", "fp32").orElseThrow().model(), read.model());
    assertEquals(data.test().count(), read.predicted().length);
  }

  @Test
  void predictionsWrittenWithoutTheirEvaluationAreRefused() throws IOException {
    Path predictions = layout.predictions("mlp", "onnxruntime");
    // Same rows, other probabilities: what the next evaluation writes before it is stopped.
    Files.writeString(predictions, Files.readString(predictions).replace(",0.0", ",0.1"));

    IOException error = assertThrows(IOException.class,
        () -> RecordedPredictions.read(layout, "mlp", "onnxruntime", data.test()));

    assertTrue(error.getMessage().contains("expected the predictions eval/mlp.json was written"
        + " with (sha256 "), error.getMessage());
    assertTrue(error.getMessage().endsWith("found other bytes: a run stopped between writing the"
        + " two; run archbench evaluate --arch mlp --engines onnxruntime"), error.getMessage());
  }

  @Test
  void predictionsOfAModelExportedAgainAreRefused() throws IOException {
    Files.write(layout.modelDirectory("mlp").resolve("mlp.onnx"), new byte[] {1, 2, 3});

    IOException error = assertThrows(IOException.class,
        () -> RecordedPredictions.read(layout, "mlp", "onnxruntime", data.test()));

    assertEquals(layout.evaluation("mlp") + ": stale: models/mlp/mlp.onnx changed after"
        + " eval/mlp.json was written; run evaluate again", error.getMessage());
  }

  @Test
  void predictionsNoEvaluationListsAreRefused() throws IOException {
    Files.copy(layout.predictions("mlp", "onnxruntime"), layout.predictions("mlp", "pytorch"));

    IOException error = assertThrows(IOException.class,
        () -> RecordedPredictions.read(layout, "mlp", "pytorch", data.test()));

    assertEquals(layout.predictions("mlp", "pytorch") + ": expected predictions eval/mlp.json"
        + " lists, found that it lists no results of pytorch; run archbench evaluate --arch mlp"
        + " --engines pytorch", error.getMessage());
  }
}
