package org.archbench.models.spec;

import org.archbench.schema.registry.Registry;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry of architectures: the five canonical ones, and any other an
 * {@link ArchitectureProvider} registers. Adding an architecture is one provider class and its line
 * in META-INF/services; the CLI, the pipeline, the benchmarks and {@code check} all list from here.
 */
public final class Architectures {

  private static final FeatureShape MNIST_IMAGE = FeatureShape.image(1, 28, 28);
  private static final int CLASSES = 10;

  /** A multilayer perceptron: 784-256-128-10. */
  public static final ArchitectureSpec MLP =
      new ArchitectureSpec(
          "mlp",
          "MLP 784-256-128-10",
          MNIST_IMAGE,
          CLASSES,
          List.of(new Flatten(), new Linear(256), new Relu(), new Linear(128), new Relu(),
              new Linear(CLASSES)));

  /** Two conv-BN-ReLU-pool stages and a dropout-regularised classifier. */
  public static final ArchitectureSpec CNN =
      new ArchitectureSpec(
          "cnn",
          "2 conv blocks (32, 64) + FC 128, BN, dropout",
          MNIST_IMAGE,
          CLASSES,
          cnnLayers(false));

  /** {@link #CNN} with squeeze-and-excitation after each ReLU: the only difference, to isolate SE. */
  public static final ArchitectureSpec SECNN =
      new ArchitectureSpec(
          "secnn",
          "cnn + squeeze-and-excitation (r = 8) in each conv block",
          MNIST_IMAGE,
          CLASSES,
          cnnLayers(true));

  /** ResNet-20 adapted to 28x28: 3 stages of 3 basic blocks, 16/32/64 channels. */
  public static final ArchitectureSpec RESNET =
      new ArchitectureSpec(
          "resnet",
          "ResNet-20: 3 stages x 3 basic blocks (16, 32, 64)",
          MNIST_IMAGE,
          CLASSES,
          resnetLayers());

  /** Three VGG stages of two 3x3 convolutions each, then a dropout-regularised classifier. */
  public static final ArchitectureSpec VGG =
      new ArchitectureSpec(
          "vgg",
          "VGG-style: 3 x [conv, conv, pool] (32, 64, 128) + FC 256",
          MNIST_IMAGE,
          CLASSES,
          vggLayers());

  /** The canonical five, in the order every table lists them. */
  private static final List<ArchitectureSpec> CANONICAL = List.of(MLP, CNN, SECNN, RESNET, VGG);

  private Architectures() {}

  /**
   * Every registered architecture: the canonical five, then those of every
   * {@link ArchitectureProvider} registered with {@link java.util.ServiceLoader}.
   */
  public static List<ArchitectureSpec> all() {
    return registry().all();
  }

  /** Every registered architecture's id, in the order of {@link #all()}. */
  public static List<String> ids() {
    return registry().ids();
  }

  /** The registered architecture with this id; the message lists the known ids otherwise. */
  public static ArchitectureSpec byId(String id) {
    return registry().byId(id);
  }

  private static Registry<ArchitectureSpec> registry() {
    return Registry.withServices("architecture", CANONICAL, ArchitectureProvider.class,
        ArchitectureProvider::architectures, ArchitectureSpec::id);
  }

  private static List<LayerSpec> cnnLayers(boolean squeezeExcite) {
    List<LayerSpec> layers = new ArrayList<>();
    for (int channels : new int[] {32, 64}) {
      layers.add(Conv2d.same3x3(channels, true));
      layers.add(BatchNorm.STANDARD);
      layers.add(new Relu());
      if (squeezeExcite) {
        layers.add(new SqueezeExcite(8));
      }
      layers.add(new MaxPool(2, 2));
    }
    layers.addAll(List.of(new Flatten(), new Dropout(0.25f), new Linear(128), new Relu(),
        new Dropout(0.5f), new Linear(CLASSES)));
    return layers;
  }

  private static List<LayerSpec> resnetLayers() {
    List<LayerSpec> layers = new ArrayList<>(
        List.of(Conv2d.same3x3(16, false), BatchNorm.STANDARD, new Relu()));
    int[] channels = {16, 32, 64};
    for (int stage = 0; stage < channels.length; stage++) {
      for (int block = 0; block < 3; block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        layers.add(new ResidualBlock(channels[stage], stride, BatchNorm.STANDARD));
      }
    }
    layers.addAll(List.of(new GlobalAvgPool(), new Linear(CLASSES)));
    return layers;
  }

  private static List<LayerSpec> vggLayers() {
    List<LayerSpec> layers = new ArrayList<>();
    for (int channels : new int[] {32, 64, 128}) {
      for (int conv = 0; conv < 2; conv++) {
        layers.addAll(List.of(Conv2d.same3x3(channels, true), BatchNorm.STANDARD, new Relu()));
      }
      layers.add(new MaxPool(2, 2));
    }
    layers.addAll(List.of(new Flatten(), new Linear(256), new Relu(), new Dropout(0.5f),
        new Linear(CLASSES)));
    return layers;
  }
}
