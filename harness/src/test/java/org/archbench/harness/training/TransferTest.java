package org.archbench.harness.training;

import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.TrainingReport;
import org.archbench.schema.training.Transfer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.Architectures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transfer learning from a backbone trained here, seed 002's protocol on archbench's own models. */
class TransferTest {

  private static final LoadedDataset DATA = SyntheticData.dataset(640, 200);
  private static final String FIRST_CONV = "01Conv2d_weight";
  private static final String LAST_LINEAR = "14Linear_weight";

  @TempDir Path out;
  private Path backbone;

  private static TrainingConfig config(int seed, Transfer transfer) {
    return new TrainingConfig(1, 64, 1e-3f, 0, LossFunction.CROSS_ENTROPY,
        LearningRateSchedule.COSINE, Augmentation.NONE, 512, seed, ComputeDevice.CPU, transfer,
        LongTail.BALANCED, ClassSubset.ALL);
  }

  @BeforeEach
  void trainBackbone() throws IOException {
    new ModelTrainer(Architectures.CNN, config(1, Transfer.NONE), DATA,
        new OutputLayout(out.resolve("backbone"))).train(false, false);
    backbone = out.resolve("backbone/models/cnn");
  }

  private static float[] parameter(Path directory, ArchitectureSpec spec, String name)
      throws IOException, MalformedModelException {
    try (Model model = Model.newInstance(spec.id(), ModelTrainer.ENGINE)) {
      model.setBlock(DjlBlocks.build(spec));
      model.load(directory, spec.id());
      return model.getBlock().getParameters().get(name).getArray().toFloatArray();
    }
  }

  @Test
  void frozenFeaturesKeepTheBackboneWeightsWhileTheHeadTrains() throws Exception {
    Transfer frozen = Backbone.transferFrom(backbone, true, 0, 0);
    new ModelTrainer(Architectures.CNN, config(2, frozen), DATA, new OutputLayout(out.resolve("frozen")))
        .train(false, false);

    Path trained = out.resolve("frozen/models/cnn");
    assertArrayEquals(parameter(backbone, Architectures.CNN, FIRST_CONV),
        parameter(trained, Architectures.CNN, FIRST_CONV));
    assertFalse(Arrays.equals(parameter(backbone, Architectures.CNN, LAST_LINEAR),
        parameter(trained, Architectures.CNN, LAST_LINEAR)));
  }

  @Test
  void fineTuningThawsTheFeatures() throws Exception {
    Transfer fineTuned = Backbone.transferFrom(backbone, true, 1, 1e-4f);
    TrainingReport report =
        new ModelTrainer(Architectures.CNN, config(2, fineTuned), DATA,
            new OutputLayout(out.resolve("tuned"))).train(false, false).report();

    assertEquals(2, report.epochs().size());
    assertEquals(Backbone.transferFrom(backbone, true, 1, 1e-4f), report.key().config().transfer());
    assertFalse(Arrays.equals(parameter(backbone, Architectures.CNN, FIRST_CONV),
        parameter(out.resolve("tuned/models/cnn/"), Architectures.CNN, FIRST_CONV)));
  }

  @Test
  void aBackboneWithOtherFeatureLayersIsRefused() throws IOException {
    Transfer transfer = Backbone.transferFrom(backbone, true, 0, 0);
    ModelTrainer vgg = new ModelTrainer(Architectures.VGG, config(2, transfer), DATA,
        new OutputLayout(out.resolve("vgg")));

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> vgg.train(false, false));

    assertTrue(error.getMessage().contains("expected the feature layers of 'vgg'"), error.getMessage());
  }

  @Test
  void aDirectoryWithoutAModelIsRefused() {
    IOException error = assertThrows(IOException.class,
        () -> Backbone.transferFrom(out.resolve("nothing"), true, 0, 0));

    assertTrue(error.getMessage().contains("expected a trained model directory"), error.getMessage());
  }
}
