package org.archbench.models.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.XavierInitializer;
import java.util.List;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.BatchNorm;
import org.archbench.models.spec.Conv2d;
import org.archbench.models.spec.Dropout;
import org.archbench.models.spec.FeatureShape;
import org.archbench.models.spec.Flatten;
import org.archbench.models.spec.GlobalAvgPool;
import org.archbench.models.spec.LayerSpec;
import org.archbench.models.spec.Linear;
import org.archbench.models.spec.MaxPool;
import org.archbench.models.spec.Relu;
import org.archbench.models.spec.ResidualBlock;
import org.archbench.models.spec.SqueezeExcite;

/**
 * Builds the DJL {@link Block} of any {@link ArchitectureSpec}: one builder for every architecture,
 * so there is no per-architecture DJL code. The block takes {@code [batch, channels, height, width]}
 * float32 and returns {@code [batch, classes]} logits.
 *
 * <p>Child blocks are added in spec order, so parameter names (e.g. {@code 01Conv2d_weight}) are the
 * same every time a spec is built: a saved model loads back into a block rebuilt from its arch.json.
 */
public final class DjlBlocks {

  private DjlBlocks() {}

  /**
   * The block for {@code spec}, with He (Kaiming) normal initialisation for convolution and linear
   * weights, the usual choice in front of ReLUs; biases start at zero.
   */
  public static Block build(ArchitectureSpec spec) {
    SequentialBlock network = new SequentialBlock();
    List<FeatureShape> shapes = spec.shapes();
    for (int i = 0; i < spec.layers().size(); i++) {
      network.add(spec.layers().get(i).accept(new LayerBuilder(shapes.get(i))));
    }
    network.setInitializer(
        new XavierInitializer(
            XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2),
        Parameter.Type.WEIGHT);
    return network;
  }

  /** The input shape to initialise the block with, for a batch of {@code batchSize}. */
  public static Shape inputShape(ArchitectureSpec spec, long batchSize) {
    return new Shape(batchSize, spec.input().channels(), spec.input().height(), spec.input().width());
  }

  /** One DJL block per layer spec, given the shape the layer receives. */
  private record LayerBuilder(FeatureShape input) implements LayerSpec.Visitor<Block> {

    @Override
    public Block conv2d(Conv2d layer) {
      return ai.djl.nn.convolutional.Conv2d.builder()
          .setFilters(layer.outChannels())
          .setKernelShape(new Shape(layer.kernel(), layer.kernel()))
          .optStride(new Shape(layer.stride(), layer.stride()))
          .optPadding(new Shape(layer.padding(), layer.padding()))
          .optBias(layer.bias())
          .build();
    }

    @Override
    public Block batchNorm(BatchNorm layer) {
      // DJL's momentum weighs the running value, PyTorch's (the spec's) the batch value.
      return ai.djl.nn.norm.BatchNorm.builder()
          .optEpsilon(layer.epsilon())
          .optMomentum(1 - layer.momentum())
          .build();
    }

    @Override
    public Block relu(Relu layer) {
      return Activation.reluBlock();
    }

    @Override
    public Block maxPool(MaxPool layer) {
      return Pool.maxPool2dBlock(
          new Shape(layer.kernel(), layer.kernel()), new Shape(layer.stride(), layer.stride()));
    }

    @Override
    public Block linear(Linear layer) {
      return ai.djl.nn.core.Linear.builder().setUnits(layer.outFeatures()).optBias(true).build();
    }

    @Override
    public Block dropout(Dropout layer) {
      return ai.djl.nn.norm.Dropout.builder().optRate(layer.rate()).build();
    }

    @Override
    public Block flatten(Flatten layer) {
      return Blocks.batchFlattenBlock();
    }

    @Override
    public Block globalAvgPool(GlobalAvgPool layer) {
      return Pool.globalAvgPool2dBlock();
    }

    @Override
    public Block squeezeExcite(SqueezeExcite layer) {
      int channels = input.channels();
      SequentialBlock excitation =
          new SequentialBlock()
              .add(Pool.globalAvgPool2dBlock())
              .add(linear(new Linear(layer.bottleneck(channels))))
              .add(Activation.reluBlock())
              .add(linear(new Linear(channels)))
              .add(Activation.sigmoidBlock());
      return new ParallelBlock(
          DjlBlocks::scaleChannels, List.of(Blocks.identityBlock(), excitation));
    }

    @Override
    public Block residualBlock(ResidualBlock layer) {
      SequentialBlock main =
          new SequentialBlock()
              .add(conv2d(layer.firstConv()))
              .add(batchNorm(layer.batchNorm()))
              .add(Activation.reluBlock())
              .add(conv2d(layer.secondConv()))
              .add(batchNorm(layer.batchNorm()));
      Block shortcut =
          layer.needsProjection(input)
              ? new SequentialBlock()
                  .add(conv2d(layer.projection()))
                  .add(batchNorm(layer.batchNorm()))
              : Blocks.identityBlock();
      return new ParallelBlock(DjlBlocks::addThenRelu, List.of(main, shortcut));
    }
  }

  /** The join of a residual block: main path plus shortcut, then ReLU. */
  private static NDList addThenRelu(List<NDList> branches) {
    NDArray sum = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
    return new NDList(Activation.relu(sum));
  }

  /** The join of a squeeze-and-excitation block: each channel of the input times its gate. */
  private static NDList scaleChannels(List<NDList> branches) {
    NDArray input = branches.get(0).singletonOrThrow();
    NDArray gate = branches.get(1).singletonOrThrow();
    return new NDList(input.mul(gate.reshape(gate.getShape().get(0), gate.getShape().get(1), 1, 1)));
  }
}
