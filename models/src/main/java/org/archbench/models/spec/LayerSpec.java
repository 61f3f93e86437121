package org.archbench.models.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One layer of an architecture, described without reference to any engine. The family is closed:
 * every consumer (complexity, the DJL builder, the ONNX exporter) switches over it exhaustively, so a
 * new kind of layer cannot be forgotten by one of them.
 *
 * <p>Each layer knows how it transforms the shape of one image's activations; the input channels of
 * convolutions and the input features of linear layers follow from that, and are not repeated.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Conv2d.class, name = "conv2d"),
  @JsonSubTypes.Type(value = BatchNorm.class, name = "batch_norm"),
  @JsonSubTypes.Type(value = Relu.class, name = "relu"),
  @JsonSubTypes.Type(value = MaxPool.class, name = "max_pool"),
  @JsonSubTypes.Type(value = Linear.class, name = "linear"),
  @JsonSubTypes.Type(value = Dropout.class, name = "dropout"),
  @JsonSubTypes.Type(value = Flatten.class, name = "flatten"),
  @JsonSubTypes.Type(value = GlobalAvgPool.class, name = "global_avg_pool"),
  @JsonSubTypes.Type(value = SqueezeExcite.class, name = "squeeze_excite"),
  @JsonSubTypes.Type(value = ResidualBlock.class, name = "residual_block")
})
public sealed interface LayerSpec
    permits Conv2d,
        BatchNorm,
        Relu,
        MaxPool,
        Linear,
        Dropout,
        Flatten,
        GlobalAvgPool,
        SqueezeExcite,
        ResidualBlock {

  /**
   * The shape this layer produces from {@code input}.
   *
   * @throws IllegalArgumentException if the layer cannot take that input, saying what it expected
   */
  FeatureShape outputShape(FeatureShape input);

  /** Dispatches to the visitor's method for this kind of layer. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of layer: a consumer that implements this interface handles every kind, and
   * a new kind of layer fails to compile until every consumer handles it. (Java 17 has no pattern
   * matching for switch; this is its exhaustive equivalent.)
   *
   * @param <R> what the consumer makes of a layer
   */
  interface Visitor<R> {
    R conv2d(Conv2d layer);

    R batchNorm(BatchNorm layer);

    R relu(Relu layer);

    R maxPool(MaxPool layer);

    R linear(Linear layer);

    R dropout(Dropout layer);

    R flatten(Flatten layer);

    R globalAvgPool(GlobalAvgPool layer);

    R squeezeExcite(SqueezeExcite layer);

    R residualBlock(ResidualBlock layer);
  }

  /** Fails unless {@code input} is spatial, naming the layer. */
  static void requireSpatial(LayerSpec layer, FeatureShape input) {
    if (!input.spatial()) {
      throw new IllegalArgumentException(
          "expected a spatial input (channels x height x width) for " + layer + ", found " + input);
    }
  }
}
