package org.archbench.models.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.archbench.models.complexity.Complexity;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.Architectures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every canonical spec built on DJL's PyTorch engine: parameter count and output shape. */
class DjlBlocksTest {

  static List<ArchitectureSpec> canonical() {
    return Architectures.all();
  }

  @ParameterizedTest
  @MethodSource("canonical")
  void djlCountsTheSameLearnedParametersAsTheSpec(ArchitectureSpec spec) {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Block block = DjlBlocks.build(spec);
      block.initialize(manager, DataType.FLOAT32, DjlBlocks.inputShape(spec, 1));

      long learned =
          block.getParameters().values().stream()
              .filter(p -> p.getType() != Parameter.Type.RUNNING_MEAN
                  && p.getType() != Parameter.Type.RUNNING_VAR)
              .mapToLong(p -> p.getArray().size())
              .sum();

      assertEquals(Complexity.of(spec).parameters(), learned);
    }
  }

  @ParameterizedTest
  @MethodSource("canonical")
  void forwardGivesOneRowOfLogitsPerImage(ArchitectureSpec spec) {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Block block = DjlBlocks.build(spec);
      Shape input = DjlBlocks.inputShape(spec, 3);
      block.initialize(manager, DataType.FLOAT32, input);

      NDArray logits =
          block
              .forward(new ParameterStore(manager, false), new NDList(manager.randomUniform(0, 1, input)), false)
              .singletonOrThrow();

      assertEquals(new Shape(3, 10), logits.getShape());
    }
  }
}
