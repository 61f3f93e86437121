package org.archbench.harness.export;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds each inference-mode BatchNormalization into the Conv or Gemm before it: per output
 * channel c, with k = gamma[c] / sqrt(var[c] + epsilon), the weights of c scale by k and the bias
 * becomes (bias[c] - mean[c]) * k + beta[c]. The folded graph computes the same logits (to float
 * rounding), with one node fewer per normalisation; ONNX Runtime has no int8 rule for a
 * BatchNormalization, so the quantizer needs it gone.
 */
final class BatchNormFolding {

  private BatchNormFolding() {}

  static ModelProto fold(ModelProto model) {
    GraphProto graph = model.getGraph();
    Map<String, TensorProto> initializers = new LinkedHashMap<>();
    graph.getInitializerList().forEach(tensor -> initializers.put(tensor.getName(), tensor));
    Map<String, Integer> consumers = new HashMap<>();
    graph.getNodeList().forEach(node -> node.getInputList()
        .forEach(input -> consumers.merge(input, 1, Integer::sum)));
    GraphProto.Builder folded = graph.toBuilder().clearNode().clearInitializer();
    // Nodes are in topological order: the producer of a BatchNormalization's input came first.
    List<NodeProto.Builder> nodes = new ArrayList<>();
    for (NodeProto node : graph.getNodeList()) {
      NodeProto.Builder producer = node.getOpType().equals("BatchNormalization")
          ? foldable(nodes, node.getInput(0), consumers) : null;
      if (producer == null) {
        nodes.add(node.toBuilder());
        continue;
      }
      foldInto(producer, node, initializers);
      producer.setOutput(0, node.getOutput(0));
    }
    nodes.forEach(node -> folded.addNode(node));
    initializers.values().stream()
        .filter(tensor -> nodes.stream().anyMatch(n -> n.getInputList().contains(tensor.getName())))
        .forEach(folded::addInitializer);
    return model.toBuilder().setGraph(folded).build();
  }

  /** The Conv or Gemm that produces {@code tensor} for this normalisation alone, if there is one. */
  private static NodeProto.Builder foldable(List<NodeProto.Builder> nodes, String tensor,
      Map<String, Integer> consumers) {
    if (consumers.getOrDefault(tensor, 0) != 1) {
      return null;
    }
    for (NodeProto.Builder node : nodes) {
      if (node.getOutput(0).equals(tensor)
          && (node.getOpType().equals("Conv") || isTransposedGemm(node))) {
        return node;
      }
    }
    return null;
  }

  private static boolean isTransposedGemm(NodeProto.Builder node) {
    return node.getOpType().equals("Gemm") && node.getAttributeList().stream()
        .anyMatch(a -> a.getName().equals("transB") && a.getI() == 1);
  }

  private static void foldInto(NodeProto.Builder producer, NodeProto norm,
      Map<String, TensorProto> initializers) {
    float[] gamma = OnnxTensors.floats(initializers.get(norm.getInput(1)));
    float[] beta = OnnxTensors.floats(initializers.get(norm.getInput(2)));
    float[] mean = OnnxTensors.floats(initializers.get(norm.getInput(3)));
    float[] variance = OnnxTensors.floats(initializers.get(norm.getInput(4)));
    double epsilon = norm.getAttributeList().stream().filter(a -> a.getName().equals("epsilon"))
        .mapToDouble(AttributeProto::getF).findFirst().orElse(1e-5);
    TensorProto weightTensor = initializers.get(producer.getInput(1));
    float[] weight = OnnxTensors.floats(weightTensor);
    int channels = gamma.length;
    int perChannel = weight.length / channels;
    float[] bias = producer.getInputCount() > 2
        ? OnnxTensors.floats(initializers.get(producer.getInput(2))) : new float[channels];
    float[] foldedBias = new float[channels];
    for (int c = 0; c < channels; c++) {
      double k = gamma[c] / Math.sqrt(variance[c] + epsilon);
      for (int i = 0; i < perChannel; i++) {
        weight[c * perChannel + i] = (float) (weight[c * perChannel + i] * k);
      }
      foldedBias[c] = (float) ((bias[c] - mean[c]) * k + beta[c]);
    }
    initializers.put(weightTensor.getName(), OnnxTensors.floatsLike(weightTensor, weight));
    String biasName = producer.getInputCount() > 2 ? producer.getInput(2)
        : weightTensor.getName() + "_folded_bias";
    initializers.put(biasName, OnnxTensors.floats(biasName, foldedBias, channels));
    if (producer.getInputCount() > 2) {
      producer.setInput(2, biasName);
    } else {
      producer.addInput(biasName);
    }
  }
}
