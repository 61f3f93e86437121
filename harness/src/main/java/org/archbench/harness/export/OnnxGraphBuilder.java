package org.archbench.harness.export;

import ai.djl.ndarray.NDArray;
import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.HashMap;
import java.util.Map;

/**
 * Accumulates the nodes and initializers of one ONNX graph, handing out unique tensor names. Node
 * attributes are given as alternating name/value pairs, values being {@code long}, {@code float} or
 * {@code long[]}.
 */
final class OnnxGraphBuilder {

  private final OnnxMl.GraphProto.Builder graph;
  private final Map<String, Integer> used = new HashMap<>();

  OnnxGraphBuilder(String name) {
    this.graph = OnnxMl.GraphProto.newBuilder().setName(name);
  }

  /** A fresh tensor name starting with {@code stem}. */
  String name(String stem) {
    int count = used.merge(stem, 1, Integer::sum);
    return count == 1 ? stem : stem + "_" + (count - 1);
  }

  /** Adds a float32 initializer holding {@code array}'s values; returns its name. */
  String initializer(String stem, NDArray array) {
    return initializer(stem, array.toFloatArray(), array.getShape().getShape());
  }

  /** Adds a float32 initializer of {@code dimensions} holding {@code values}; returns its name. */
  String initializer(String stem, float[] values, long... dimensions) {
    String name = name(stem);
    graph.addInitializer(OnnxTensors.floats(name, values, dimensions));
    return name;
  }

  /** Adds an int64 initializer, e.g. the target shape of a Reshape; returns its name. */
  String int64Initializer(String stem, long... values) {
    String name = name(stem);
    TensorProto.Builder tensor =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.INT64.getNumber())
            .addDims(values.length);
    for (long value : values) {
      tensor.addInt64Data(value);
    }
    graph.addInitializer(tensor);
    return name;
  }

  /** Adds a node of {@code opType} and returns the name of its single output. */
  String node(String opType, String[] inputs, Object... attributes) {
    String output = name(opType.toLowerCase(java.util.Locale.ROOT));
    NodeProto.Builder node =
        NodeProto.newBuilder().setOpType(opType).setName(output).addOutput(output);
    for (String input : inputs) {
      node.addInput(input);
    }
    for (int i = 0; i < attributes.length; i += 2) {
      node.addAttribute(attribute((String) attributes[i], attributes[i + 1]));
    }
    graph.addNode(node);
    return output;
  }

  /** Renames the output of the last node, so the graph ends in a tensor with a contract name. */
  void renameLastOutput(String from, String to) {
    int last = graph.getNodeCount() - 1;
    NodeProto node = graph.getNode(last);
    if (!node.getOutput(0).equals(from)) {
      throw new IllegalStateException("expected the last node to produce " + from + ", found " + node);
    }
    graph.setNode(last, node.toBuilder().setOutput(0, to));
  }

  OnnxMl.GraphProto.Builder graph() {
    return graph;
  }

  private static AttributeProto attribute(String name, Object value) {
    AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name);
    if (value instanceof Long integer) {
      attribute.setType(AttributeProto.AttributeType.INT).setI(integer);
    } else if (value instanceof Integer integer) {
      attribute.setType(AttributeProto.AttributeType.INT).setI(integer);
    } else if (value instanceof Float real) {
      attribute.setType(AttributeProto.AttributeType.FLOAT).setF(real);
    } else if (value instanceof long[] integers) {
      attribute.setType(AttributeProto.AttributeType.INTS);
      for (long integer : integers) {
        attribute.addInts(integer);
      }
    } else {
      throw new IllegalArgumentException(
          "expected a long, int, float or long[] attribute value for " + name + ", found " + value);
    }
    return attribute.build();
  }
}
