package org.archbench.harness.engine;

import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelFixtures;
import org.archbench.harness.model.ModelStore;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.engine.EngineSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.archbench.harness.export.OnnxExporter;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.Architectures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every canonical architecture with random weights and non-trivial batch-norm statistics: the same
 * 64 inputs through DJL in inference mode and through each engine on the saved and exported files
 * give logits within 1e-4 and the same predicted class.
 */
class EngineParityTest {

  private static final int BATCH = 64;
  private static final double TOLERANCE = 1e-4;

  @TempDir Path directory;

  static List<ArchitectureSpec> canonical() {
    return Architectures.all();
  }

  @ParameterizedTest
  @MethodSource("canonical")
  void everyEngineAgreesWithDjlInInferenceMode(ArchitectureSpec spec) throws IOException {
    float[] pixels = randomPixels(spec);
    float[] expected;
    try (Model model = Model.newInstance(spec.id(), "PyTorch")) {
      model.setBlock(DjlBlocks.build(spec));
      NDManager manager = model.getNDManager();
      model.getBlock().initialize(manager, DataType.FLOAT32, DjlBlocks.inputShape(spec, 1));
      randomiseNormalisation(model, manager);
      Shape shape = DjlBlocks.inputShape(spec, BATCH);
      expected =
          model.getBlock()
              .forward(new ParameterStore(manager, false), new NDList(manager.create(pixels, shape)), false)
              .singletonOrThrow()
              .toFloatArray();
      TrainingKey key = ModelFixtures.key(spec, 1);
      new ModelStore(directory).save(model, spec, key, 1);
      OnnxExporter.export(spec, model.getBlock(), ModelFixtures.provenance(spec, key),
          directory.resolve(spec.id() + ".onnx"));
    }

    ModelFiles files = ModelFiles.in(directory);
    ImageBatch batch = ImageBatch.allocate(BATCH, 784);
    int half = BATCH / 2;
    for (EngineKind kind : Engines.all().toArray(EngineKind[]::new)) {
      float[] logits = new float[BATCH * spec.classes()];
      InferenceEngine engine = kind.open(files, EngineSettings.cpuDefaults());
      try (engine) {
        // The same batch refilled, then run at another size: engines may keep tensors over its
        // buffer, and must still see every new fill.
        for (int from : new int[] {0, half}) {
          batch.fill(java.util.Arrays.copyOfRange(pixels, from * 784, (from + half) * 784), half);
          engine.run(batch, logits);
          assertMatches(spec, kind, expected, from, logits, half);
        }
        engine.run(batch.fill(pixels, BATCH), logits);
        assertMatches(spec, kind, expected, 0, logits, BATCH);
      }
      IllegalStateException closed =
          assertThrows(IllegalStateException.class, () -> engine.run(batch, logits));
      assertEquals(kind + " engine is closed", closed.getMessage());
    }
  }

  /** {@code logits} of {@code count} images match {@code expected} from image {@code from} on. */
  private static void assertMatches(ArchitectureSpec spec, EngineKind kind, float[] expected,
      int from, float[] logits, int count) {
    int classes = spec.classes();
    double worst = 0;
    for (int i = 0; i < count * classes; i++) {
      worst = Math.max(worst, Math.abs(logits[i] - expected[from * classes + i]));
    }
    double maxDifference = worst;
    assertTrue(maxDifference <= TOLERANCE, () -> spec.id() + " on " + kind + ", images " + from
        + " to " + (from + count) + ": max |difference| " + maxDifference);
    for (int image = 0; image < count; image++) {
      assertEquals(argmax(expected, from + image, classes), argmax(logits, image, classes),
          spec.id() + " on " + kind + ", image " + (from + image));
    }
  }

  private static float[] randomPixels(ArchitectureSpec spec) {
    Random random = new Random(spec.id().hashCode());
    float[] pixels = new float[BATCH * 784];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = random.nextFloat();
    }
    return pixels;
  }

  /** Running statistics, scales and shifts away from their 0/1 defaults, so that BN is really tested. */
  private static void randomiseNormalisation(Model model, NDManager manager) {
    for (Pair<String, Parameter> named : model.getBlock().getParameters()) {
      Parameter parameter = named.getValue();
      NDArray array = parameter.getArray();
      Shape shape = array.getShape();
      NDArray values = switch (parameter.getType()) {
        case RUNNING_MEAN, BETA -> manager.randomUniform(-0.5f, 0.5f, shape);
        case RUNNING_VAR, GAMMA -> manager.randomUniform(0.5f, 1.5f, shape);
        default -> null;
      };
      if (values != null) {
        values.copyTo(array);
      }
    }
  }

  private static int argmax(float[] logits, int image, int classes) {
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (logits[image * classes + c] > logits[image * classes + best]) {
        best = c;
      }
    }
    return best;
  }
}
