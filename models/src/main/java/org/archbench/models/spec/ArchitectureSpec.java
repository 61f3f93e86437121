package org.archbench.models.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An architecture, engine-free: an input shape, a sequence of layers, and the number of classes the
 * last layer must produce. Construction checks that the layers fit together, so a spec that exists is
 * a network that can be built.
 *
 * @param id short identifier, lower-case letters, digits and dashes (used in file names)
 * @param description one line for tables and the report
 * @param input the shape of one input image
 * @param classes the number of logits the network produces
 * @param layers the layers, in order
 */
public record ArchitectureSpec(
    String id, String description, FeatureShape input, int classes, List<LayerSpec> layers) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");

  public ArchitectureSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(input, "input");
    layers = List.copyOf(layers);
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "expected an id of lower-case letters, digits and dashes, found '" + id + "'");
    }
    FeatureShape output = input;
    for (int i = 0; i < layers.size(); i++) {
      try {
        output = layers.get(i).outputShape(output);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "architecture '" + id + "', layer " + i + ": " + e.getMessage(), e);
      }
    }
    if (!output.equals(FeatureShape.flat(classes))) {
      throw new IllegalArgumentException(
          "architecture '" + id + "': expected the last layer to produce " + classes
              + " logits, found " + output);
    }
  }

  /**
   * How many leading layers form the feature extractor: every layer before the first {@code flatten}
   * or {@code global_avg_pool}, which starts the classifier head. Transfer learning copies and
   * freezes these; 0 for a network without one (the MLP).
   */
  public int featureLayerCount() {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof Flatten || layers.get(i) instanceof GlobalAvgPool) {
        return i;
      }
    }
    return 0;
  }

  /**
   * This architecture with a head for {@code otherClasses} classes: the last layer, a linear one,
   * produces that many logits, every other layer stays as it is (the task of the transfer study's
   * halves).
   *
   * @throws IllegalArgumentException if the last layer is not linear
   */
  public ArchitectureSpec withClasses(int otherClasses) {
    if (otherClasses == classes) {
      return this;
    }
    if (!(layers.get(layers.size() - 1) instanceof Linear)) {
      throw new IllegalArgumentException("architecture '" + id + "': expected a linear last layer"
          + " to give another number of classes, found " + layers.get(layers.size() - 1));
    }
    List<LayerSpec> changed = new ArrayList<>(layers.subList(0, layers.size() - 1));
    changed.add(new Linear(otherClasses));
    return new ArchitectureSpec(id, description, input, otherClasses, changed);
  }

  /** The shape each layer receives, in order, followed by the network's output shape. */
  public List<FeatureShape> shapes() {
    FeatureShape[] shapes = new FeatureShape[layers.size() + 1];
    shapes[0] = input;
    for (int i = 0; i < layers.size(); i++) {
      shapes[i + 1] = layers.get(i).outputShape(shapes[i]);
    }
    return List.of(shapes);
  }
}
