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
import org.archbench.schema.io.JsonFiles;
import org.archbench.harness.training.SyntheticData;
import org.archbench.models.spec.Architectures;
import org.archbench.harness.model.ModelVariant;
import org.archbench.harness.model.ExportedModels;
import org.archbench.harness.model.ModelVariants;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.eval.VariantComparison;
import java.util.Optional;
import org.archbench.schema.provenance.MeasuredModel;
import org.archbench.schema.provenance.ModelChanges;
import org.archbench.schema.io.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train, export and evaluate a small model end to end on synthetic data, with every engine. */
class EvaluatorTest {

  private static final List<ModelVariant> FLOAT32 = List.of(ModelVariants.float32());

  @TempDir Path out;

  private final LoadedDataset data = SyntheticData.dataset(640, 200);

  private OutputLayout trainedAndExported() throws IOException {
    return ExportedModels.trainAndExport(Architectures.CNN, data, out);
  }

  @Test
  void aStageThatFailsWritesNothing() throws IOException {
    OutputLayout layout = trainedAndExported();
    Files.write(layout.modelDirectory("cnn").resolve("cnn.onnx"), new byte[] {8, 1, 2});

    IOException error = assertThrows(IOException.class, () -> Evaluator.evaluate(layout, "cnn", data,
        List.of(Engines.byId("pytorch"), Engines.byId("onnxruntime")), FLOAT32,
        EngineSettings.cpuDefaults()));

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
        List.of(Engines.byId("pytorch"), Engines.byId("opencv")), FLOAT32,
        EngineSettings.cpuDefaults());

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
        List.of(Engines.all().toArray(EngineKind[]::new)), FLOAT32, EngineSettings.cpuDefaults());

    assertEquals(Engines.all().size(), report.engines().size());
    assertEquals(List.of(), report.notSupported());
    assertEquals(List.of(), report.againstFloat32());
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

  @Test
  void theInt8ModelIsEvaluatedOnTheEnginesThatRunItAndComparedWithFloat32() throws IOException {
    OutputLayout layout = trainedAndExported();
    List<EngineKind> engines = List.of(Engines.byId("onnxruntime"), Engines.byId("pytorch"));

    EvaluationReport report = Evaluator.evaluate(layout, "cnn", data, engines,
        ModelVariants.all(), EngineSettings.cpuDefaults());

    assertEquals(List.of("fp32 onnxruntime", "fp32 pytorch", "int8 onnxruntime"),
        report.engines().stream().map(e -> e.variant() + " " + e.engine()).toList());
    assertEquals(List.of("not supported by pytorch: the int8 model"),
        report.notSupported().stream().map(NotSupported::cell).toList());
    assertTrue(Files.exists(layout.predictions("cnn.int8", "onnxruntime")));
    VariantComparison int8 = report.againstFloat32("onnxruntime", "int8").orElseThrow();
    EngineEvaluation float32 = report.engine("onnxruntime", "fp32").orElseThrow();
    EngineEvaluation quantized = report.engine("onnxruntime", "int8").orElseThrow();
    assertEquals(float32.accuracy() - quantized.accuracy(), int8.accuracyDrop(), 1e-12);
    assertEquals(int8.accuracyDrop(),
        (double) (int8.float32OnlyCorrect() - int8.variantOnlyCorrect()) / 200, 1e-12,
        "the drop is the discordant images' balance");
    assertTrue(int8.dropLower95() <= int8.accuracyDrop()
        && int8.accuracyDrop() <= int8.dropUpper95(), int8.toString());
    assertTrue(int8.agreement() > 0.8, "the int8 model predicts what float32 does: " + int8);
    assertTrue(int8.onnxBytes() < int8.float32OnnxBytes() / 2,
        "int8 weights take a quarter of the bytes: " + int8);
    assertEquals(report.againstFloat32(),
        JsonFiles.read(layout.evaluation("cnn"), EvaluationReport.class).againstFloat32());
  }

  @Test
  void reEvaluatingOneEngineKeepsTheOthersResults() throws IOException {
    OutputLayout layout = trainedAndExported();
    EvaluationReport complete = Evaluator.evaluate(layout, "cnn", data,
        List.of(Engines.byId("onnxruntime"), Engines.byId("pytorch")), FLOAT32,
        EngineSettings.cpuDefaults());

    EvaluationReport merged = Evaluator.evaluate(layout, "cnn", data,
        List.of(Engines.byId("onnxruntime")), FLOAT32, EngineSettings.cpuDefaults());

    assertEquals(List.of("onnxruntime", "pytorch"),
        merged.engines().stream().map(EngineEvaluation::engine).toList());
    EngineEvaluation pytorch = merged.engine("pytorch", "fp32").orElseThrow();
    assertEquals(complete.engine("pytorch", "fp32").orElseThrow().predictionsSha256(),
        pytorch.predictionsSha256(), "the kept result still names its own predictions");
    assertEquals(complete.engine("pytorch", "fp32").orElseThrow().model(), pytorch.model());
    assertEquals(1.0, merged.agreement().share(), "both engines, the kept one included");
    assertEquals(merged.engines().stream().map(EngineEvaluation::predictionsSha256).toList(),
        JsonFiles.read(layout.evaluation("cnn"), EvaluationReport.class).engines().stream()
            .map(EngineEvaluation::predictionsSha256).toList());
  }

  @Test
  void everyResultNamesTheFileItsEngineLoaded() throws IOException {
    OutputLayout layout = trainedAndExported();

    EvaluationReport report = Evaluator.evaluate(layout, "cnn", data,
        List.of(Engines.byId("onnxruntime"), Engines.byId("pytorch")), ModelVariants.all(),
        EngineSettings.cpuDefaults());

    Path directory = layout.modelDirectory("cnn");
    assertEquals(Sha256.hex(directory.resolve("cnn.onnx")),
        report.engine("onnxruntime", "fp32").orElseThrow().model().sha256());
    assertEquals("models/cnn/cnn.int8.onnx",
        report.engine("onnxruntime", "int8").orElseThrow().model().file());
    MeasuredModel pytorch = report.engine("pytorch", "fp32").orElseThrow().model();
    assertTrue(pytorch.file().matches("models/cnn/cnn-\\d{4}\\.params"), pytorch.file());
    assertEquals(Sha256.hex(directory.resolve(OutputLayout.KEY_FILE)), pytorch.trainingKeySha256());
    for (EngineEvaluation engine : report.engines()) {
      assertEquals(Sha256.hex(out.resolve(engine.predictionsFile())), engine.predictionsSha256());
    }
  }

  @Test
  void aModelTrainedAgainLeavesTheEarlierResultsStaleAndNotKept() throws IOException {
    OutputLayout layout = trainedAndExported();
    EvaluationReport before = Evaluator.evaluate(layout, "cnn", data,
        List.of(Engines.byId("onnxruntime"), Engines.byId("pytorch")), FLOAT32,
        EngineSettings.cpuDefaults());

    // Another seed is another training key: a real second training, and a new export.
    ExportedModels.trainAndExport(Architectures.CNN, data, out, 4);

    ModelChanges changes = new ModelChanges(layout);
    assertEquals(Optional.of("stale: models/cnn/cnn.onnx changed after eval/cnn.json was written;"
            + " run evaluate again"),
        changes.stale(before.engine("onnxruntime", "fp32").orElseThrow().model(),
            "eval/cnn.json", "evaluate"));
    assertTrue(changes.stale(before.engine("pytorch", "fp32").orElseThrow().model(),
        "eval/cnn.json", "evaluate").isPresent(), "the DJL parameters changed too");
    EvaluationReport after = Evaluator.evaluate(layout, "cnn", data,
        List.of(Engines.byId("onnxruntime")), FLOAT32, EngineSettings.cpuDefaults());
    assertEquals(List.of("onnxruntime"),
        after.engines().stream().map(EngineEvaluation::engine).toList(),
        "pytorch measured the model trained before, and is not carried over");
  }

  @Test
  void resultsWhosePredictionsWereReplacedAreNotKept() throws IOException {
    OutputLayout layout = trainedAndExported();
    Evaluator.evaluate(layout, "cnn", data,
        List.of(Engines.byId("onnxruntime"), Engines.byId("pytorch")), FLOAT32,
        EngineSettings.cpuDefaults());
    // As a run stopped between writing the predictions and eval/cnn.json leaves them.
    Files.writeString(layout.predictions("cnn", "pytorch"),
        Files.readString(layout.predictions("cnn", "pytorch")).replace("0.", "1."));

    EvaluationReport merged = Evaluator.evaluate(layout, "cnn", data,
        List.of(Engines.byId("onnxruntime")), FLOAT32, EngineSettings.cpuDefaults());

    assertEquals(Optional.empty(), merged.engine("pytorch", "fp32"));
  }
}
