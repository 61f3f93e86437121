package org.archbench.models.complexity;

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
 * What an architecture costs, computed from its spec alone.
 *
 * <p>Conventions: parameters are PyTorch's (learned weights and biases; batch-norm running statistics
 * excluded). MACs follow fvcore: multiply-accumulates of convolutions and linear layers, bias
 * excluded; pooling, activations, normalisation and the SE channel scaling count nothing. FLOPs are
 * 2 x MACs. Activation memory counts the float32 output of every layer for one image, the memory a
 * forward pass for training keeps for the backward pass.
 *
 * @param parameters learned parameters
 * @param macs multiply-accumulates per image
 * @param activationBytesPerImage float32 bytes of every layer's output for one image
 */
public record Complexity(long parameters, long macs, long activationBytesPerImage) {

  private static final int FLOAT_BYTES = Float.BYTES;

  public Complexity {
    if (parameters < 0 || macs < 0 || activationBytesPerImage < 0) {
      throw new IllegalArgumentException(
          "expected non-negative costs, found " + parameters + ", " + macs + ", "
              + activationBytesPerImage);
    }
  }

  /** FLOPs per image, 2 x MACs. */
  public long flops() {
    return 2 * macs;
  }

  /** The complexity of a whole architecture. */
  public static Complexity of(ArchitectureSpec spec) {
    Complexity total = new Complexity(0, 0, 0);
    List<FeatureShape> shapes = spec.shapes();
    for (int i = 0; i < spec.layers().size(); i++) {
      total = total.plus(of(spec.layers().get(i), shapes.get(i)));
    }
    return total;
  }

  /** The complexity of one layer given the shape it receives. */
  public static Complexity of(LayerSpec layer, FeatureShape input) {
    return layer.accept(new LayerCost(input));
  }

  /** The cost of one layer on a known input shape. */
  private record LayerCost(FeatureShape input) implements LayerSpec.Visitor<Complexity> {

    private Complexity activationsOnly(LayerSpec layer) {
      return new Complexity(0, 0, layer.outputShape(input).elements() * FLOAT_BYTES);
    }

    @Override
    public Complexity conv2d(Conv2d layer) {
      return conv(layer, input);
    }

    @Override
    public Complexity batchNorm(BatchNorm layer) {
      return new Complexity(2L * input.channels(), 0, input.elements() * FLOAT_BYTES);
    }

    @Override
    public Complexity relu(Relu layer) {
      return activationsOnly(layer);
    }

    @Override
    public Complexity maxPool(MaxPool layer) {
      return activationsOnly(layer);
    }

    @Override
    public Complexity linear(Linear layer) {
      return Complexity.linear(input.channels(), layer.outFeatures());
    }

    @Override
    public Complexity dropout(Dropout layer) {
      return activationsOnly(layer);
    }

    @Override
    public Complexity flatten(Flatten layer) {
      // a view of its input: no new activations
      return new Complexity(0, 0, 0);
    }

    @Override
    public Complexity globalAvgPool(GlobalAvgPool layer) {
      return activationsOnly(layer);
    }

    @Override
    public Complexity squeezeExcite(SqueezeExcite layer) {
      return Complexity.squeezeExcite(layer, input);
    }

    @Override
    public Complexity residualBlock(ResidualBlock layer) {
      return residual(layer, input);
    }
  }

  private Complexity plus(Complexity other) {
    return new Complexity(
        parameters + other.parameters,
        macs + other.macs,
        activationBytesPerImage + other.activationBytesPerImage);
  }

  private static Complexity conv(Conv2d conv, FeatureShape input) {
    FeatureShape output = conv.outputShape(input);
    long weights = (long) conv.outChannels() * input.channels() * conv.kernel() * conv.kernel();
    long macs = weights * output.height() * output.width();
    return new Complexity(
        weights + (conv.bias() ? conv.outChannels() : 0), macs, output.elements() * FLOAT_BYTES);
  }

  private static Complexity linear(int in, int out) {
    long weights = (long) in * out;
    return new Complexity(weights + out, weights, (long) out * FLOAT_BYTES);
  }

  private static Complexity squeezeExcite(SqueezeExcite se, FeatureShape input) {
    int channels = input.channels();
    int bottleneck = se.bottleneck(channels);
    // pooled vector, two linear outputs (the first through ReLU), the gate, and the scaled input
    Complexity squeeze = linear(channels, bottleneck).plus(linear(bottleneck, channels));
    long extra = (long) (channels + bottleneck + channels) * FLOAT_BYTES + input.elements() * FLOAT_BYTES;
    return squeeze.plus(new Complexity(0, 0, extra));
  }

  private static Complexity residual(ResidualBlock block, FeatureShape input) {
    FeatureShape middle = block.firstConv().outputShape(input);
    FeatureShape output = block.secondConv().outputShape(middle);
    long normalisation = 2L * block.outChannels();
    // conv, BN, ReLU on the main path; conv, BN; the sum and its ReLU
    Complexity total =
        conv(block.firstConv(), input)
            .plus(new Complexity(normalisation, 0, 2 * middle.elements() * FLOAT_BYTES))
            .plus(conv(block.secondConv(), middle))
            .plus(new Complexity(normalisation, 0, 3 * output.elements() * FLOAT_BYTES));
    if (block.needsProjection(input)) {
      total =
          total
              .plus(conv(block.projection(), input))
              .plus(new Complexity(normalisation, 0, output.elements() * FLOAT_BYTES));
    }
    return total;
  }
}
