package org.archbench.harness.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.Engines;
import org.archbench.harness.model.ExportedModels;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.training.SyntheticData;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.engine.OptimizationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One model under every corruption, its conditions spread over workers. */
class RobustnessEvaluationTest {

  @TempDir Path out;

  @Test
  void spreadingTheConditionsOverWorkersChangesNoAccuracy() throws IOException {
    LoadedDataset data = SyntheticData.dataset(640, 120);
    OutputLayout layout = ExportedModels.trainAndExport(Architectures.MLP, data, out);
    ModelFiles model = ModelFiles.in(layout.modelDirectory("mlp"));
    EngineKind onnxRuntime = Engines.byId("onnxruntime");
    CorruptedTestSets sets = new CorruptedTestSets(out.resolve("sets"), data.test(), 7);

    RobustnessEvaluation.Accuracies oneWorker =
        new RobustnessEvaluation(threads(1)).measure(model, onnxRuntime, sets, data.test());
    RobustnessEvaluation.Accuracies threeWorkers =
        new RobustnessEvaluation(threads(3)).measure(model, onnxRuntime, sets, data.test());

    assertEquals(CorruptedTestSets.Condition.all().size(), oneWorker.conditions().size());
    assertEquals(oneWorker, threeWorkers);
  }

  private static EngineSettings threads(int threads) {
    return new EngineSettings(ComputeDevice.CPU, threads, 1, OptimizationLevel.ALL);
  }
}
