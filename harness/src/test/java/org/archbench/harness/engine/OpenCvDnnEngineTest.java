package org.archbench.harness.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelFixtures;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.engine.OptimizationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenCV's engine names the operator it lacks, and honours the settings it can. */
class OpenCvDnnEngineTest {

  @TempDir Path directory;

  @Test
  void aModelWithAnOperatorOpenCvLacksNamesTheOperator() throws IOException {
    ModelFixtures.writeExported(directory, Architectures.MLP);
    ModelFiles files = ModelFiles.in(directory);
    // An operator ONNX defines and OpenCV 4.9's importer does not know, in place of the first ReLU.
    replaceFirst(files.onnx(), "Relu", "Einsum");

    EngineKind opencv = Engines.byId("opencv");
    UnsupportedModelException error = assertThrows(UnsupportedModelException.class,
        () -> opencv.open(files, EngineSettings.cpuDefaults()));
    UnsupportedModelException checked = assertThrows(UnsupportedModelException.class,
        () -> opencv.requireSupported(files));

    NotSupported notSupported = error.notSupported();
    assertEquals(List.of("mlp", "opencv", "fp32", "Einsum"), List.of(notSupported.arch(),
        notSupported.engine(), notSupported.variant(), notSupported.operator()));
    assertEquals("not supported by opencv: Einsum", notSupported.cell());
    assertEquals(notSupported, checked.notSupported());
    assertTrue(error.getMessage().startsWith("opencv: cannot run " + files.onnx()
        + ": it has no Einsum operator."), error.getMessage());
  }

  @Test
  void theImporterMessagesNameTheOperator() {
    assertEquals(Optional.of("Unsqueeze"), OpenCvDnnEngine.unsupportedOperator(
        "OpenCV(4.9.0) modules/dnn/src/onnx/onnx_importer.cpp:1073: error: (-2:Unspecified error)"
            + " in function 'handleNode' > Node [Unsqueeze@ai.onnx]:(onnx_node!n7) parse error"));
    assertEquals(Optional.of("Foo"), OpenCvDnnEngine.unsupportedOperator(
        "error: (-2:Unspecified error) Can't create layer \"n3\" of type \"Foo\" in function"
            + " 'getLayerInstance'"));
    assertEquals(Optional.empty(), OpenCvDnnEngine.unsupportedOperator("Failed to parse ONNX"));
    assertEquals(Optional.empty(), OpenCvDnnEngine.unsupportedOperator(null));
  }

  @Test
  void runsOnTheCpuWithTheGivenThreadsAndOneInterOpThread() throws IOException {
    ModelFixtures.writeExported(directory, Architectures.MLP);
    EngineSettings asked = new EngineSettings(ComputeDevice.CPU, 1, 4, OptimizationLevel.ALL);

    ModelFiles files = ModelFiles.in(directory);
    Engines.byId("opencv").requireSupported(files);

    try (InferenceEngine engine = Engines.byId("opencv").open(files, asked)) {
      assertEquals(new EngineSettings(ComputeDevice.CPU, 1, 1, OptimizationLevel.ALL),
          engine.settings());
      assertEquals(1, org.opencv.core.Core.getNumThreads());
      assertTrue(engine.version().startsWith("4.9"), engine.version());
    }
  }

  @Test
  void refusesTheGpu() throws IOException {
    ModelFixtures.writeExported(directory, Architectures.MLP);
    EngineSettings gpu = new EngineSettings(ComputeDevice.GPU, 1, 1, OptimizationLevel.ALL);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Engines.byId("opencv").open(ModelFiles.in(directory), gpu));

    assertTrue(error.getMessage().startsWith("opencv: expected the CPU, found GPU"),
        error.getMessage());
  }

  private static void replaceFirst(Path onnx, String operator, String replacement)
      throws IOException {
    OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(onnx));
    OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
    for (int i = 0; i < graph.getNodeCount(); i++) {
      if (graph.getNode(i).getOpType().equals(operator)) {
        graph.setNode(i, graph.getNode(i).toBuilder().setOpType(replacement));
        break;
      }
    }
    Files.write(onnx, model.toBuilder().setGraph(graph).build().toByteArray());
  }
}
