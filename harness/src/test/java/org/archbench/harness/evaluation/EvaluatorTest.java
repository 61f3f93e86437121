package org.archbench.harness.evaluation;

import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.TrainingReport;
import org.archbench.harness.ReportFixtures;
import org.archbench.harness.engine.Engines;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.engine.EngineKind;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.harness.model.ModelExport;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.LossFunction;
import org.archbench.harness.training.ModelTrainer;
import org.archbench.harness.training.SyntheticData;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.Transfer;
import org.archbench.models.spec.Architectures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train, export and evaluate a small model end to end on synthetic data, with every engine. */
class EvaluatorTest {

  @TempDir Path out;

  private final LoadedDataset data = SyntheticData.dataset(640, 200);

  private OutputLayout trainedAndExported() throws IOException {
    OutputLayout layout = new OutputLayout(out);
    new ModelTrainer(Architectures.CNN,
        new TrainingConfig(2, 64, 1e-3f, 0, LossFunction.CROSS_ENTROPY, LearningRateSchedule.COSINE,
            Augmentation.NONE, 512, 3, ComputeDevice.CPU, Transfer.NONE,
            LongTail.BALANCED, ClassSubset.ALL),
        data, layout).train(false, false);
    ModelExport.export(layout, "cnn");
    return layout;
  }

  @Test
  void aStageThatFailsWritesNothing() throws IOException {
    OutputLayout layout = trainedAndExported();
    Files.write(layout.modelDirectory("cnn").resolve("cnn.onnx"), new byte[] {8, 1, 2});

    IOException error = assertThrows(IOException.class, () -> Evaluator.evaluate(layout, "cnn", data,
        List.of(Engines.byId("pytorch"), Engines.byId("onnxruntime")), EngineSettings.cpuDefaults()));

    assertTrue(error.getMessage().contains("cnn.onnx: expected an ONNX model"), error.getMessage());
    assertFalse(Files.exists(layout.evaluation("cnn")));
    assertFalse(Files.exists(layout.predictions("cnn", "pytorch")),
        "the engine that ran wrote nothing either");
  }

  @Test
  void anEngineThatLacksAnOperatorIsRecordedAndTheOthersRun() throws IOException {
    OutputLayout layout = trainedAndExported();
    // An operator ONNX defines and OpenCV 4.9 lacks, in place of the first ReLU; PyTorch runs
    // the DJL parameters, not the .onnx.
    Path onnx = layout.modelDirectory("cnn").resolve("cnn.onnx");
    OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(onnx));
    OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
    int relu = graph.getNodeList().stream().map(OnnxMl.NodeProto::getOpType).toList().indexOf("Relu");
    graph.setNode(relu, graph.getNode(relu).toBuilder().setOpType("Einsum"));
    Files.write(onnx, model.toBuilder().setGraph(graph).build().toByteArray());

    EvaluationReport report = Evaluator.evaluate(layout, "cnn", data,
        List.of(Engines.byId("pytorch"), Engines.byId("opencv")), EngineSettings.cpuDefaults());

    assertEquals(List.of("pytorch"), report.engines().stream().map(EngineEvaluation::engine).toList());
    assertEquals(1, report.notSupported().size());
    assertEquals("not supported by opencv: Einsum", report.notSupported().get(0).cell());
    assertEquals(report.notSupported(),
        JsonFiles.read(layout.evaluation("cnn"), EvaluationReport.class).notSupported());
    assertFalse(Files.exists(layout.predictions("cnn", "opencv")));
  }

  @Test
  void writesTheReportAndOnePredictionsFilePerEngine() throws IOException {
    OutputLayout layout = trainedAndExported();

    EvaluationReport report = Evaluator.evaluate(layout, "cnn", data,
        List.of(Engines.all().toArray(EngineKind[]::new)), EngineSettings.cpuDefaults());

    assertEquals(Engines.all().size(), report.engines().size());
    assertEquals(List.of(), report.notSupported());
    assertEquals(421_834, report.cost().parameters());
    assertEquals(4_241_152, report.cost().macs());
    assertEquals(java.nio.file.Files.size(out.resolve("models/cnn/cnn.onnx")), report.cost().onnxBytes());
    assertTrue(report.cost().djlParamsBytes() > 4 * 421_834, "float32 weights and more");
    assertEquals(1.0, report.agreement().share());
    double accuracy = report.engines().get(0).accuracy();
    for (EngineEvaluation engine : report.engines()) {
      assertEquals(accuracy, engine.accuracy(), "every engine classifies alike");
      assertTrue(engine.accuracyLower95() <= accuracy && accuracy <= engine.accuracyUpper95());
      assertEquals(200, engine.images());
      Path predictions = out.resolve(engine.predictionsFile());
      List<String> rows = Files.readAllLines(predictions);
      assertEquals(201, rows.size());
      assertEquals("index,label,predicted,p0,p1,p2,p3,p4,p5,p6,p7,p8,p9", rows.get(0));
    }
    ReportFixtures.assertFitsFixture(layout.evaluation("cnn"), EvaluationReport.class, "eval/cnn.json");
    ReportFixtures.assertFitsFixture(layout.trainingReport("cnn"), TrainingReport.class,
        "training/cnn.json");
    ReportFixtures.assertFitsFixture(layout.modelDirectory("cnn").resolve(OutputLayout.KEY_FILE),
        TrainingKey.class, "models/cnn/key.json");
    EvaluationReport written = JsonFiles.read(layout.evaluation("cnn"), EvaluationReport.class);
    assertEquals(report.agreement(), written.agreement());
    assertEquals(report.engines().get(1).perClass(), written.engines().get(1).perClass());
    assertEquals(report.training(), written.training());
  }
}
