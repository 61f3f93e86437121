package org.archbench.harness.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.onnx.proto.OnnxMl;
import java.util.Map;
import java.util.stream.Collectors;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.Architectures;
import org.junit.jupiter.api.Test;

/** The ONNX contract of DESIGN.md, checked on the file's own protobuf. */
class OnnxExporterTest {

  private static final ExportProvenance PROVENANCE =
      new ExportProvenance("cnn", "spec-hash", "key-hash", "dataset-hash", 42, 15, 0.9234, "0.1.0",
          "abc123");

  private static OnnxMl.ModelProto export(ArchitectureSpec spec) {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Block block = DjlBlocks.build(spec);
      block.initialize(manager, DataType.FLOAT32, DjlBlocks.inputShape(spec, 1));
      return OnnxExporter.toModel(spec, block, PROVENANCE);
    }
  }

  @Test
  void followsTheContract() {
    OnnxMl.ModelProto model = export(Architectures.CNN);

    assertEquals(8, model.getIrVersion());
    assertEquals(17, model.getOpsetImport(0).getVersion());
    assertEquals("", model.getOpsetImport(0).getDomain());
    OnnxMl.ValueInfoProto input = model.getGraph().getInput(0);
    assertEquals("input", input.getName());
    assertEquals(OnnxMl.TensorProto.DataType.FLOAT.getNumber(), input.getType().getTensorType().getElemType());
    OnnxMl.TensorShapeProto inputShape = input.getType().getTensorType().getShape();
    assertEquals("batch", inputShape.getDim(0).getDimParam());
    assertEquals(1, inputShape.getDim(1).getDimValue());
    assertEquals(28, inputShape.getDim(2).getDimValue());
    assertEquals(28, inputShape.getDim(3).getDimValue());
    OnnxMl.ValueInfoProto output = model.getGraph().getOutput(0);
    assertEquals("logits", output.getName());
    assertEquals("batch", output.getType().getTensorType().getShape().getDim(0).getDimParam());
    assertEquals(10, output.getType().getTensorType().getShape().getDim(1).getDimValue());
    assertEquals("logits", model.getGraph().getNode(model.getGraph().getNodeCount() - 1).getOutput(0));
  }

  @Test
  void leavesDropoutOutAndTransposesLinearWeights() {
    OnnxMl.GraphProto graph = export(Architectures.CNN).getGraph();

    assertFalse(graph.getNodeList().stream().anyMatch(node -> node.getOpType().equals("Dropout")));
    OnnxMl.NodeProto gemm = graph.getNodeList().stream()
        .filter(node -> node.getOpType().equals("Gemm")).findFirst().orElseThrow();
    assertEquals("transB", gemm.getAttribute(0).getName());
    assertEquals(1, gemm.getAttribute(0).getI());
    OnnxMl.TensorProto weight = graph.getInitializerList().stream()
        .filter(tensor -> tensor.getName().equals(gemm.getInput(1))).findFirst().orElseThrow();
    assertEquals(java.util.List.of(128L, 3136L), weight.getDimsList(), "DJL's (out, in) layout");
  }

  @Test
  void carriesItsProvenance() {
    Map<String, String> metadata = export(Architectures.MLP).getMetadataPropsList().stream()
        .collect(Collectors.toMap(OnnxMl.StringStringEntryProto::getKey,
            OnnxMl.StringStringEntryProto::getValue));

    assertEquals("cnn", metadata.get("arch"));
    assertEquals("spec-hash", metadata.get("spec_sha256"));
    assertEquals("key-hash", metadata.get("training_key_sha256"));
    assertEquals("fp32", metadata.get(ExportProvenance.VARIANT));
    assertEquals("dataset-hash", metadata.get("dataset_sha256"));
    assertEquals("42", metadata.get("seed"));
    assertEquals("15", metadata.get("epochs"));
    assertEquals("0.9234", metadata.get("test_accuracy"));
    assertEquals("0.1.0", metadata.get("archbench_version"));
    assertEquals("abc123", metadata.get("git_commit"));
  }

  @Test
  void exportsEveryCanonicalArchitectureWithoutPerArchitectureCode() {
    for (ArchitectureSpec spec : Architectures.all()) {
      OnnxMl.GraphProto graph = export(spec).getGraph();
      long initializerValues = graph.getInitializerList().stream()
          .filter(tensor -> tensor.getDataType() == OnnxMl.TensorProto.DataType.FLOAT.getNumber())
          .mapToLong(tensor -> tensor.getRawData().size() / 4)
          .sum();
      long runningStatistics = graph.getNodeList().stream()
          .filter(node -> node.getOpType().equals("BatchNormalization"))
          .mapToLong(node -> 2L * graph.getInitializerList().stream()
              .filter(tensor -> tensor.getName().equals(node.getInput(3)))
              .findFirst().orElseThrow().getDims(0))
          .sum();
      assertEquals(org.archbench.models.complexity.Complexity.of(spec).parameters(),
          initializerValues - runningStatistics, spec.id());
      assertTrue(graph.getNodeCount() > 0);
    }
  }
}
