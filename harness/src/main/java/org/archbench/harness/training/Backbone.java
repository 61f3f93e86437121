package org.archbench.harness.training;

import org.archbench.schema.io.Sha256;
import org.archbench.schema.training.Transfer;
import java.nio.file.Files;
import org.archbench.schema.OutputLayout;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.ArchitectureSpecJson;

/**
 * A trained model used as the starting point of another training (transfer learning): the transfer
 * it names, its feature layers copied into a new network, and those layers frozen or thawed.
 */
public final class Backbone {

  private Backbone() {}

  /**
   * A transfer from the trained model in {@code directory}.
   *
   * @throws IOException if the directory holds no trained model
   */
  public static Transfer transferFrom(
      Path directory, boolean freezeFeatures, int fineTuneEpochs, float fineTuneLearningRate)
      throws IOException {
    Path key = directory.resolve(OutputLayout.KEY_FILE);
    if (!Files.isRegularFile(key) || !Files.isRegularFile(directory.resolve(OutputLayout.SPEC_FILE))) {
      throw new IOException(
          "--init-from " + directory + ": expected a trained model directory (arch.json, key.json"
              + " and <arch>-NNNN.params, as `archbench train` writes under models/<arch>/), found"
              + " none: train the backbone first");
    }
    return new Transfer(directory.toString(), Sha256.hex(Files.readAllBytes(key)), freezeFeatures,
        fineTuneEpochs, fineTuneLearningRate);
  }

  /**
   * Copies the weights of the first {@link ArchitectureSpec#featureLayerCount()} layers of the model
   * in {@code directory} into {@code block}, which must be built from {@code target}.
   *
   * @throws IOException if the backbone cannot be read, or its feature layers differ from the target's
   */
  static void copyFeatures(Path directory, ArchitectureSpec target, Model model) throws IOException {
    ArchitectureSpec source = ArchitectureSpecJson.read(directory.resolve(OutputLayout.SPEC_FILE));
    int features = target.featureLayerCount();
    if (features == 0) {
      throw new IllegalArgumentException(
          "--init-from: expected an architecture with feature layers before its head, found '"
              + target.id() + "', whose first layer is its head");
    }
    if (!source.input().equals(target.input())
        || source.featureLayerCount() != features
        || !source.layers().subList(0, features).equals(target.layers().subList(0, features))) {
      throw new IllegalArgumentException(
          "--init-from " + directory + ": expected the feature layers of '" + target.id()
              + "' (" + target.layers().subList(0, features) + "), found those of '" + source.id()
              + "' (" + source.layers().subList(0, source.featureLayerCount()) + ")");
    }
    try (Model backbone = Model.newInstance(source.id(), model.getNDManager().getDevice(), ModelTrainer.ENGINE)) {
      backbone.setBlock(DjlBlocks.build(source));
      backbone.load(directory, source.id());
      List<Block> from = backbone.getBlock().getChildren().values();
      List<Block> to = model.getBlock().getChildren().values();
      for (int i = 0; i < features; i++) {
        for (Pair<String, Parameter> parameter : to.get(i).getParameters()) {
          from.get(i).getParameters().get(parameter.getKey()).getArray()
              .copyTo(parameter.getValue().getArray());
        }
      }
    } catch (MalformedModelException e) {
      throw new IOException(directory + ": expected a DJL model, found a corrupt one", e);
    }
  }

  /** Freezes (or thaws) the learned parameters of the feature layers; running statistics stay as they are. */
  static void freezeFeatures(ArchitectureSpec spec, Block block, boolean freeze) {
    List<Block> layers = block.getChildren().values();
    for (int i = 0; i < spec.featureLayerCount(); i++) {
      layers.get(i).freezeParameters(freeze, Backbone::isLearned);
    }
  }

  private static boolean isLearned(Parameter parameter) {
    return parameter.getType() != Parameter.Type.RUNNING_MEAN
        && parameter.getType() != Parameter.Type.RUNNING_VAR;
  }
}
