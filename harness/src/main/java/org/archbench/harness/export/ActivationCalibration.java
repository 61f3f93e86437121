package org.archbench.harness.export;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.archbench.harness.engine.OrtSessions;

/**
 * The range of every activation the quantizer gives a scale, measured by running the float graph
 * on calibration images with ONNX Runtime (no optimisation, so every tensor is there to read).
 * Min-max takes each tensor's extremes; the percentile method clips each side at the
 * {@link #PERCENTILE} of a histogram taken in a second pass over the min-max range.
 */
final class ActivationCalibration {

  /** The share of values inside the percentile method's range, on each side. */
  static final double PERCENTILE = 0.9999;
  private static final int BINS = 4096;
  private static final int BATCH = 100;

  /** A tensor's range; it always contains zero, so zero is exact in the quantized form. */
  record Range(float min, float max) {
    Range {
      min = Math.min(min, 0);
      max = Math.max(max, 0);
    }
  }

  private ActivationCalibration() {}

  /**
   * The ranges of {@code tensors} over {@code count} images of {@code pixels} (row-major, as the
   * model's input reads them).
   */
  static Map<String, Range> ranges(ModelProto model, List<String> tensors, float[] pixels,
      int count, long[] imageShape, CalibrationMethod method) throws OrtException {
    ModelProto probed = withOutputs(model, tensors);
    OrtEnvironment environment = OrtSessions.environment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
      try (OrtSession session = environment.createSession(probed.toByteArray(), options)) {
        Map<String, float[]> extremes = new LinkedHashMap<>();
        forEachBatch(session, environment, tensors, pixels, count, imageShape, (name, values) -> {
          float[] range = extremes.computeIfAbsent(name, n -> new float[] {0, 0});
          for (float value : values) {
            range[0] = Math.min(range[0], value);
            range[1] = Math.max(range[1], value);
          }
        });
        if (method == CalibrationMethod.MIN_MAX) {
          Map<String, Range> ranges = new LinkedHashMap<>();
          extremes.forEach((name, range) -> ranges.put(name, new Range(range[0], range[1])));
          return ranges;
        }
        Map<String, long[]> histograms = new LinkedHashMap<>();
        forEachBatch(session, environment, tensors, pixels, count, imageShape, (name, values) -> {
          float[] range = extremes.get(name);
          long[] histogram = histograms.computeIfAbsent(name, n -> new long[BINS]);
          double width = (range[1] - range[0]) / BINS;
          for (float value : values) {
            int bin = width == 0 ? 0 : (int) ((value - range[0]) / width);
            histogram[Math.min(BINS - 1, Math.max(0, bin))]++;
          }
        });
        Map<String, Range> ranges = new LinkedHashMap<>();
        histograms.forEach((name, histogram) ->
            ranges.put(name, clipped(extremes.get(name), histogram)));
        return ranges;
      }
    }
  }

  /** The range between the histogram's lower and upper {@link #PERCENTILE} points. */
  private static Range clipped(float[] extremes, long[] histogram) {
    long total = Arrays.stream(histogram).sum();
    long tail = (long) Math.floor(total * (1 - PERCENTILE));
    double width = (extremes[1] - extremes[0]) / BINS;
    int low = 0;
    for (long below = 0; low < BINS - 1 && below + histogram[low] <= tail; low++) {
      below += histogram[low];
    }
    int high = BINS - 1;
    for (long above = 0; high > 0 && above + histogram[high] <= tail; high--) {
      above += histogram[high];
    }
    return new Range((float) (extremes[0] + low * width),
        (float) (extremes[0] + (high + 1) * width));
  }

  private interface Sink {
    void accept(String tensor, float[] values);
  }

  private static void forEachBatch(OrtSession session, OrtEnvironment environment,
      List<String> tensors, float[] pixels, int count, long[] imageShape, Sink sink)
      throws OrtException {
    int perImage = (int) Arrays.stream(imageShape).reduce(1, (a, b) -> a * b);
    for (int from = 0; from < count; from += BATCH) {
      int n = Math.min(BATCH, count - from);
      long[] shape = new long[imageShape.length + 1];
      shape[0] = n;
      System.arraycopy(imageShape, 0, shape, 1, imageShape.length);
      FloatBuffer input = FloatBuffer.wrap(pixels, from * perImage, n * perImage).slice();
      try (OnnxTensor tensor = OnnxTensor.createTensor(environment, input, shape);
          OrtSession.Result result = session.run(Map.of(OnnxContract.INPUT, tensor),
              new LinkedHashSet<>(tensors))) {
        for (String name : tensors) {
          FloatBuffer values = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
          float[] array = new float[values.remaining()];
          values.get(array);
          sink.accept(name, array);
        }
      }
    }
  }

  /** The model with every one of {@code tensors} also a graph output, so that a run returns it. */
  private static ModelProto withOutputs(ModelProto model, List<String> tensors) {
    OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
    List<String> outputs = graph.getOutputList().stream().map(OnnxMl.ValueInfoProto::getName)
        .toList();
    for (String tensor : tensors) {
      if (!outputs.contains(tensor)) {
        graph.addOutput(OnnxMl.ValueInfoProto.newBuilder().setName(tensor).setType(
            OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()))));
      }
    }
    return model.toBuilder().setGraph(graph).build();
  }
}
