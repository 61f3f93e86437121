package org.archbench.harness.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.archbench.harness.engine.OrtSessions;
import org.archbench.harness.model.ModelFixtures;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.Architectures;
import org.archbench.models.spec.Conv2d;
import org.archbench.models.spec.ResidualBlock;
import org.archbench.models.spec.SqueezeExcite;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quantizer on real exported graphs of every canonical architecture, run by ONNX Runtime:
 * folding keeps the logits, the int8 graph becomes QLinear kernels after ONNX Runtime's
 * optimisation, and its logits stay close to the float ones.
 */
class QdqQuantizerTest {

  private static final int IMAGES = 64;
  private static final long[] IMAGE = {1, 28, 28};

  @TempDir Path directory;

  static Stream<ArchitectureSpec> canonical() {
    return Architectures.all().stream();
  }

  /** An exported graph with random normalisation statistics, so that folding has work to do. */
  private ModelProto exported(ArchitectureSpec spec) throws IOException {
    ModelFixtures.writeExported(directory, spec);
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(directory.resolve(spec.id() + ".onnx")));
    Random random = new Random(7);
    OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
    for (int i = 0; i < graph.getInitializerCount(); i++) {
      OnnxMl.TensorProto tensor = graph.getInitializer(i);
      if (tensor.getName().startsWith("bn_")) {
        float[] values = OnnxTensors.floats(tensor);
        for (int v = 0; v < values.length; v++) {
          values[v] = tensor.getName().startsWith("bn_var") ? 0.5f + random.nextFloat()
              : tensor.getName().startsWith("bn_scale") ? 0.5f + random.nextFloat()
              : (random.nextFloat() - 0.5f) * 0.2f;
        }
        graph.setInitializer(i, OnnxTensors.floatsLike(tensor, values));
      }
    }
    return model.toBuilder().setGraph(graph).build();
  }

  private static float[] pixels(int count, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[count * 784];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    return pixels;
  }

  private static float[] logits(ModelProto model, float[] pixels, int count,
      OrtSession.SessionOptions options) throws OrtException {
    OrtEnvironment environment = OrtSessions.environment();
    try (OrtSession session = environment.createSession(model.toByteArray(), options);
        OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(pixels),
            new long[] {count, 1, 28, 28});
        OrtSession.Result result = session.run(Map.of(OnnxContract.INPUT, input))) {
      FloatBuffer values = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] array = new float[values.remaining()];
      values.get(array);
      return array;
    }
  }

  @ParameterizedTest
  @MethodSource("canonical")
  void foldingTheNormalisationKeepsTheLogits(ArchitectureSpec spec) throws Exception {
    ModelProto model = exported(spec);
    ModelProto folded = BatchNormFolding.fold(model);
    float[] pixels = pixels(IMAGES, 1);

    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
      float[] expected = logits(model, pixels, IMAGES, options);
      float[] actual = logits(folded, pixels, IMAGES, options);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, Math.abs(expected[i])),
            spec.id() + " logit " + i);
      }
    }
    assertFalse(opTypes(folded).contains("BatchNormalization"), opTypes(folded).toString());
  }

  @ParameterizedTest
  @MethodSource("canonical")
  void onnxRuntimeRunsTheInt8GraphOnQLinearKernels(ArchitectureSpec spec) throws Exception {
    ModelProto model = exported(spec);
    ModelProto quantized = QdqQuantizer.quantize(model, new Calibration(pixels(200, 2), 200, IMAGE,
        CalibrationMethod.MIN_MAX));
    Path optimized = directory.resolve(spec.id() + ".int8.optimized.onnx");
    float[] pixels = pixels(IMAGES, 3);

    float[] expected;
    float[] actual;
    try (OrtSession.SessionOptions plain = new OrtSession.SessionOptions();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      expected = logits(model, pixels, IMAGES, plain);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      options.setOptimizedModelFilePath(optimized.toString());
      actual = logits(quantized, pixels, IMAGES, options);
    }

    List<String> ops = opTypes(ModelProto.parseFrom(Files.readAllBytes(optimized)));
    assertTrue(ops.stream().anyMatch(op -> op.equals("QGemm") || op.equals("MatMulInteger")
        || op.equals("MatMulIntegerToFloat")), spec.id() + ": " + ops);
    if (spec.layers().stream().anyMatch(l -> l instanceof Conv2d)) {
      assertTrue(ops.contains("QLinearConv"), spec.id() + ": " + ops);
      assertFalse(ops.contains("Conv") || ops.contains("FusedConv"),
          spec.id() + " kept a float convolution: " + ops);
    }
    if (spec.layers().stream().anyMatch(l -> l instanceof ResidualBlock)) {
      assertTrue(ops.contains("QLinearAdd") && !ops.contains("Add"), spec.id() + ": " + ops);
    }
    if (spec.layers().stream().anyMatch(l -> l instanceof SqueezeExcite)) {
      assertTrue(ops.contains("QLinearMul") && !ops.contains("Mul"), spec.id() + ": " + ops);
    }
    // Quantization noise, not a different function: the logits stay within a few percent of
    // their spread.
    double spread = 0;
    double error = 0;
    for (int i = 0; i < expected.length; i++) {
      spread += Math.abs(expected[i]);
      error += Math.abs(actual[i] - expected[i]);
    }
    assertTrue(error / spread < 0.05, spec.id() + ": mean error " + error / spread
        + " of the mean |logit|");
    Map<String, String> metadata = quantized.getMetadataPropsList().stream().collect(
        Collectors.toMap(OnnxMl.StringStringEntryProto::getKey,
            OnnxMl.StringStringEntryProto::getValue));
    assertEquals("min-max", metadata.get(QdqQuantizer.METHOD));
    assertEquals("200", metadata.get(QdqQuantizer.CALIBRATION_IMAGES));
  }

  @ParameterizedTest
  @MethodSource("canonical")
  void theQuantizerIsDeterministic(ArchitectureSpec spec) throws Exception {
    ModelProto model = exported(spec);
    Calibration calibration =
        new Calibration(pixels(100, 4), 100, IMAGE, CalibrationMethod.PERCENTILE);

    assertArrayEquals(QdqQuantizer.quantize(model, calibration).toByteArray(),
        QdqQuantizer.quantize(model, calibration).toByteArray());
  }

  private static List<String> opTypes(ModelProto model) {
    return model.getGraph().getNodeList().stream().map(OnnxMl.NodeProto::getOpType).toList();
  }
}
