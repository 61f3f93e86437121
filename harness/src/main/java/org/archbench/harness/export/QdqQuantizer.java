package org.archbench.harness.export;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.archbench.harness.export.ActivationCalibration.Range;

/**
 * Static post-training quantization of an exported float32 graph to int8 in QDQ form: every
 * activation passes through a QuantizeLinear/DequantizeLinear pair with a calibrated uint8 scale
 * (U8S8, the kernels ONNX Runtime runs on x86; int8 activations with a tensor read twice, in a
 * residual or SE block, stayed float there), and
 * every Conv and Gemm reads int8 weights (per output channel, symmetric) and an int32 bias (scale
 * = input scale x weight scale) through a DequantizeLinear. ONNX Runtime fuses each
 * DQ-Conv-Q into QLinearConv and each DQ-Gemm into QGemm; the logits stay float32, so the model
 * keeps the {@code input}/{@code logits} contract. BatchNormalization is folded into the
 * convolutions first. Deterministic: the same graph and calibration images give the same bytes.
 */
public final class QdqQuantizer {

  /** Metadata keys the quantized model carries. */
  public static final String METHOD = "archbench.quantization.calibration";
  public static final String CALIBRATION_IMAGES = "archbench.quantization.calibration_images";
  public static final String FORMAT = "archbench.quantization.format";

  /** Ops whose output is a rearrangement of their input: it keeps the input's scale. */
  private static final Set<String> SAME_SCALE = Set.of("MaxPool", "Flatten", "Reshape");
  /** Ops that read a weight (input 1) and a bias (input 2). */
  private static final Set<String> WEIGHTED = Set.of("Conv", "Gemm");

  private record Quantization(float scale, int zeroPoint) {

    /** Uint8, asymmetric: zero maps to the zero point exactly, so a Relu's output has 0. */
    static Quantization of(Range range) {
      float scale = (range.max() - range.min()) / 255f;
      if (!(scale > 0)) {
        scale = 1f;
      }
      int zeroPoint = (int) Math.round(-range.min() / scale);
      return new Quantization(scale, Math.max(0, Math.min(255, zeroPoint)));
    }
  }

  private QdqQuantizer() {}

  /**
   * The int8 QDQ model of {@code model}, its activations calibrated on {@code calibration}
   * (validation images, never test ones).
   *
   * @throws OrtException if ONNX Runtime cannot run the float graph for the calibration
   */
  public static ModelProto quantize(ModelProto model, Calibration calibration)
      throws OrtException {
    ModelProto folded = BatchNormFolding.fold(model);
    List<String> activations = calibrated(folded.getGraph());
    Map<String, Range> ranges = ActivationCalibration.ranges(folded, activations,
        calibration.pixels(), calibration.count(), calibration.imageShape(), calibration.method());
    ModelProto.Builder quantized = folded.toBuilder().setGraph(withQdq(folded.getGraph(), ranges));
    quantized.addMetadataProps(entry(METHOD, calibration.method().id()))
        .addMetadataProps(entry(CALIBRATION_IMAGES, Integer.toString(calibration.count())))
        .addMetadataProps(entry(FORMAT, "QDQ; uint8 activations (per tensor, asymmetric), int8"
            + " weights (per output channel, symmetric), int32 bias; BatchNormalization folded"));
    return quantized.build();
  }

  /**
   * The tensors that get a calibrated scale: the graph's input and every node's output, except a
   * graph output (the logits stay float), one read only by Relus (the Relu's output is quantized
   * instead, and ONNX Runtime then drops the Relu into the quantization), and a rearrangement's
   * output (it keeps its input's scale).
   */
  private static List<String> calibrated(GraphProto graph) {
    List<String> tensors = new ArrayList<>();
    tensors.add(OnnxContract.INPUT);
    for (NodeProto node : graph.getNodeList()) {
      String output = node.getOutput(0);
      if (quantizesOutput(graph, node) && !SAME_SCALE.contains(node.getOpType())) {
        tensors.add(output);
      }
    }
    return tensors;
  }

  private static boolean quantizesOutput(GraphProto graph, NodeProto node) {
    String output = node.getOutput(0);
    if (graph.getOutputList().stream().anyMatch(o -> o.getName().equals(output))) {
      return false;
    }
    List<NodeProto> readers = graph.getNodeList().stream()
        .filter(n -> n.getInputList().contains(output)).toList();
    return !readers.stream().allMatch(n -> n.getOpType().equals("Relu"));
  }

  private static GraphProto withQdq(GraphProto graph, Map<String, Range> ranges) {
    Map<String, TensorProto> initializers = new HashMap<>();
    graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
    GraphProto.Builder out = graph.toBuilder().clearNode().clearInitializer();
    // Each quantized tensor's QuantizeLinear output, scale and zero point, as a DQ reads them.
    Map<String, List<String>> quantized = new HashMap<>();
    Map<String, Quantization> scales = new HashMap<>();
    quantizeActivation(out, OnnxContract.INPUT, Quantization.of(ranges.get(OnnxContract.INPUT)),
        quantized, scales);
    for (NodeProto node : graph.getNodeList()) {
      NodeProto.Builder rewritten = node.toBuilder();
      for (int i = 0; i < node.getInputCount(); i++) {
        String input = node.getInput(i);
        if (quantized.containsKey(input)) {
          // A DequantizeLinear of its own for every reader: ONNX Runtime fuses a DQ into the node
          // after it only when that node is its one consumer (a residual or SE block reads the
          // same tensor twice).
          String output = input + "_dq" + (i == 0 ? "" : "_" + i) + "_" + node.getName();
          out.addNode(node("DequantizeLinear", output + "_dequantize", quantized.get(input),
              output, null));
          rewritten.setInput(i, output);
        }
      }
      Quantization in = scales.get(node.getInput(0));
      if (WEIGHTED.contains(node.getOpType()) && in != null) {
        float[] weightScales = quantizeWeight(out, initializers.get(node.getInput(1)), rewritten);
        if (node.getInputCount() > 2) {
          quantizeBias(out, initializers.get(node.getInput(2)), in.scale(), weightScales,
              rewritten);
        }
      } else {
        for (String input : node.getInputList()) {
          if (initializers.containsKey(input)) {
            out.addInitializer(initializers.get(input));
          }
        }
      }
      out.addNode(rewritten);
      String output = node.getOutput(0);
      if (quantizesOutput(graph, node)) {
        Quantization quantization = SAME_SCALE.contains(node.getOpType()) && in != null
            ? in : Quantization.of(ranges.get(output));
        quantizeActivation(out, output, quantization, quantized, scales);
      }
    }
    return out.build();
  }

  private static void quantizeActivation(GraphProto.Builder out, String tensor,
      Quantization quantization, Map<String, List<String>> quantized,
      Map<String, Quantization> scales) {
    String scale = tensor + "_scale";
    String zeroPoint = tensor + "_zero_point";
    out.addInitializer(OnnxTensors.floats(scale, new float[] {quantization.scale()}));
    out.addInitializer(OnnxTensors.uint8(zeroPoint, new byte[] {(byte) quantization.zeroPoint()}));
    out.addNode(node("QuantizeLinear", tensor + "_quantize", List.of(tensor, scale, zeroPoint),
        tensor + "_q", null));
    quantized.put(tensor, List.of(tensor + "_q", scale, zeroPoint));
    scales.put(tensor, quantization);
  }

  /** Int8 weights, symmetric per output channel (axis 0); returns the channels' scales. */
  private static float[] quantizeWeight(GraphProto.Builder out, TensorProto weight,
      NodeProto.Builder node) {
    float[] values = OnnxTensors.floats(weight);
    long[] dims = OnnxTensors.dims(weight);
    int channels = (int) dims[0];
    int perChannel = values.length / channels;
    float[] scales = new float[channels];
    byte[] quantized = new byte[values.length];
    for (int c = 0; c < channels; c++) {
      float largest = 0;
      for (int i = 0; i < perChannel; i++) {
        largest = Math.max(largest, Math.abs(values[c * perChannel + i]));
      }
      scales[c] = largest > 0 ? largest / 127f : 1f;
      for (int i = 0; i < perChannel; i++) {
        long q = Math.round(values[c * perChannel + i] / scales[c]);
        quantized[c * perChannel + i] = (byte) Math.max(-127, Math.min(127, q));
      }
    }
    String name = weight.getName();
    out.addInitializer(OnnxTensors.int8(name + "_int8", quantized, dims));
    out.addInitializer(OnnxTensors.floats(name + "_scale", scales, channels));
    out.addInitializer(OnnxTensors.int8(name + "_zero_point", new byte[channels], channels));
    out.addNode(node("DequantizeLinear", name + "_dequantize",
        List.of(name + "_int8", name + "_scale", name + "_zero_point"), name + "_dq", 0L));
    node.setInput(1, name + "_dq");
    return scales;
  }

  /** Int32 bias with scale input scale x weight scale per channel, zero point 0. */
  private static void quantizeBias(GraphProto.Builder out, TensorProto bias, float inputScale,
      float[] weightScales, NodeProto.Builder node) {
    float[] values = OnnxTensors.floats(bias);
    float[] scales = new float[values.length];
    int[] quantized = new int[values.length];
    for (int c = 0; c < values.length; c++) {
      scales[c] = inputScale * weightScales[c];
      quantized[c] = (int) Math.max(Integer.MIN_VALUE + 1L,
          Math.min(Integer.MAX_VALUE, Math.round((double) values[c] / scales[c])));
    }
    String name = bias.getName();
    out.addInitializer(OnnxTensors.int32(name + "_int32", quantized, values.length));
    out.addInitializer(OnnxTensors.floats(name + "_scale", scales, values.length));
    out.addInitializer(OnnxTensors.int32(name + "_zero_point", new int[values.length],
        values.length));
    out.addNode(node("DequantizeLinear", name + "_dequantize",
        List.of(name + "_int32", name + "_scale", name + "_zero_point"), name + "_dq", 0L));
    node.setInput(2, name + "_dq");
  }

  private static NodeProto node(String opType, String name, List<String> inputs, String output,
      Long axis) {
    NodeProto.Builder node = NodeProto.newBuilder().setOpType(opType).setName(name)
        .addAllInput(inputs).addOutput(output);
    if (axis != null) {
      node.addAttribute(OnnxMl.AttributeProto.newBuilder().setName("axis")
          .setType(OnnxMl.AttributeProto.AttributeType.INT).setI(axis));
    }
    return node.build();
  }

  private static OnnxMl.StringStringEntryProto entry(String key, String value) {
    return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }
}
