package org.archbench.models.spec;

/**
 * A ResNet basic block (He et al., 2016): Conv3x3(stride) - BN - ReLU - Conv3x3 - BN, plus a shortcut,
 * then ReLU. The convolutions carry no bias, since batch normalisation follows each. The shortcut is
 * the identity when the shape is unchanged, else a 1x1 convolution with the block's stride and BN.
 *
 * @param outChannels output channels of both convolutions
 * @param stride stride of the first convolution and of the projection
 * @param batchNorm the normalisation after each convolution
 */
public record ResidualBlock(int outChannels, int stride, BatchNorm batchNorm) implements LayerSpec {

  public ResidualBlock {
    if (outChannels <= 0 || stride <= 0) {
      throw new IllegalArgumentException(
          "expected positive channels and stride, found " + outChannels + ", " + stride);
    }
    if (batchNorm == null) {
      throw new IllegalArgumentException("expected a batch_norm for the residual block, found none");
    }
  }

  /** The first convolution. */
  public Conv2d firstConv() {
    return new Conv2d(outChannels, 3, stride, 1, false);
  }

  /** The second convolution. */
  public Conv2d secondConv() {
    return Conv2d.same3x3(outChannels, false);
  }

  /** The projection of the shortcut, needed when the block changes the shape of its input. */
  public boolean needsProjection(FeatureShape input) {
    return stride != 1 || input.channels() != outChannels;
  }

  /** The 1x1 projection convolution of the shortcut. */
  public Conv2d projection() {
    return new Conv2d(outChannels, 1, stride, 0, false);
  }

  @Override
  public FeatureShape outputShape(FeatureShape input) {
    LayerSpec.requireSpatial(this, input);
    return secondConv().outputShape(firstConv().outputShape(input));
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.residualBlock(this);
  }
}
