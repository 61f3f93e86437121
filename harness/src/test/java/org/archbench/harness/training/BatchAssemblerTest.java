package org.archbench.harness.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.archbench.harness.data.LabeledImages;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.training.Augmentation;
import org.junit.jupiter.api.Test;

/**
 * The batches training takes: the images' own pixels, in the order asked, in the channels-last
 * layout that only changes how libtorch stores them, never what a network computes from them.
 */
class BatchAssemblerTest {

  private static final LabeledImages IMAGES = SyntheticData.dataset(32, 10).train();
  private static final int[] ORDER = {7, 3, 30, 12};

  @Test
  void aBatchHoldsTheOrderedImagesPixelsAndLabels() {
    try (NDManager manager = NDManager.newBaseManager(ModelTrainer.ENGINE)) {
      NDList batch = new BatchAssembler(IMAGES)
          .assemble(manager, ORDER, 1, 4, Augmentation.NONE, null);

      assertEquals(new Shape(3, 1, 28, 28), batch.get(0).getShape());
      float[] expected = new float[3 * 784];
      for (int i = 0; i < 3; i++) {
        System.arraycopy(IMAGES.pixels(), ORDER[1 + i] * 784, expected, i * 784, 784);
      }
      assertArrayEquals(expected, batch.get(0).toFloatArray());
      assertArrayEquals(new long[] {IMAGES.label(3), IMAGES.label(30), IMAGES.label(12)},
          batch.get(1).toLongArray());
    }
  }

  /**
   * Every kind of layer the architectures use (convolution, batch norm, pooling, flatten, residual
   * and squeeze-and-excitation joins) gives the same logits for an assembled batch as for the same
   * pixels in the plain layout, so the exported models compute what training trained.
   */
  @Test
  void everyArchitectureGivesTheSameLogitsForTheAssembledLayoutAsForThePlainOne()
      throws Exception {
    for (ArchitectureSpec spec : Architectures.all()) {
      try (Model model = Model.newInstance(spec.id(), ModelTrainer.ENGINE);
          NDManager manager = model.getNDManager().newSubManager()) {
        Block block = DjlBlocks.build(spec);
        model.setBlock(block);
        block.initialize(manager, DataType.FLOAT32, DjlBlocks.inputShape(spec, ORDER.length));
        ParameterStore parameters = new ParameterStore(manager, false);

        NDArray assembled = new BatchAssembler(IMAGES)
            .assemble(manager, ORDER, 0, ORDER.length, Augmentation.NONE, null).get(0);
        NDArray plain = manager.create(assembled.toFloatArray(), assembled.getShape());
        float[] fromAssembled =
            block.forward(parameters, new NDList(assembled), false).singletonOrThrow()
                .toFloatArray();
        float[] fromPlain =
            block.forward(parameters, new NDList(plain), false).singletonOrThrow().toFloatArray();

        assertEquals(ORDER.length * spec.classes(), fromAssembled.length, spec.id());
        for (int i = 0; i < fromPlain.length; i++) {
          assertEquals(fromPlain[i], fromAssembled[i], 1e-4 * (1 + Math.abs(fromPlain[i])),
              spec.id() + " logit " + i + ": " + Arrays.toString(fromPlain));
        }
      }
    }
  }
}
