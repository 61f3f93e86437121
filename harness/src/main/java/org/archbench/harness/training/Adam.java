package org.archbench.harness.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba) whose state can be saved and restored, so that a resumed run continues with
 * exactly the moments an uninterrupted one would have. DJL's own Adam keeps its moments private and
 * keyed by parameter ids that change whenever a block is rebuilt; this one keys them by parameter
 * name, and applies the same fused update of the engine ({@code adamUpdate}).
 */
final class Adam {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;
  private static final String MEAN = "/mean";
  private static final String VARIANCE = "/variance";

  private final float weightDecay;
  private final Map<String, NDArray> means = new HashMap<>();
  private final Map<String, NDArray> variances = new HashMap<>();

  Adam(float weightDecay) {
    this.weightDecay = weightDecay;
  }

  /**
   * Updates every parameter that takes gradients, then zeroes its gradient.
   *
   * @param parameters the block's parameters by name
   * @param learningRate the rate of this step
   * @param step the 1-based number of this step, for the bias correction
   */
  void step(List<Pair<String, Parameter>> parameters, double learningRate, long step) {
    double biasCorrection1 = 1 - Math.pow(BETA1, step);
    double biasCorrection2 = 1 - Math.pow(BETA2, step);
    float correctedRate = (float) (learningRate * Math.sqrt(biasCorrection2) / biasCorrection1);
    for (Pair<String, Parameter> named : parameters) {
      Parameter parameter = named.getValue();
      if (!parameter.requiresGradient()) {
        continue;
      }
      NDArray weight = parameter.getArray();
      NDArray mean = means.computeIfAbsent(named.getKey(), name -> weight.zerosLike());
      NDArray variance = variances.computeIfAbsent(named.getKey(), name -> weight.zerosLike());
      try (NDArray gradient = weight.getGradient()) {
        weight
            .getNDArrayInternal()
            .adamUpdate(
                new NDList(weight, gradient, mean, variance),
                new NDList(weight),
                (float) learningRate,
                correctedRate,
                weightDecay,
                1f,
                -1f,
                BETA1,
                BETA2,
                EPSILON,
                true,
                false);
      }
    }
  }

  /** The moments, named {@code <parameter>/mean} and {@code <parameter>/variance}. */
  NDList state() {
    NDList state = new NDList();
    means.forEach((name, array) -> {
      array.setName(name + MEAN);
      state.add(array);
    });
    variances.forEach((name, array) -> {
      array.setName(name + VARIANCE);
      state.add(array);
    });
    return state;
  }

  /** Takes over the moments of {@link #state()}, copied into {@code manager}. */
  void restore(NDList state, NDManager manager) {
    for (NDArray array : state) {
      String name = array.getName();
      NDArray copy = array.duplicate();
      copy.attach(manager);
      if (name.endsWith(MEAN)) {
        means.put(name.substring(0, name.length() - MEAN.length()), copy);
      } else if (name.endsWith(VARIANCE)) {
        variances.put(name.substring(0, name.length() - VARIANCE.length()), copy);
      } else {
        throw new IllegalArgumentException(
            "expected optimiser state named <parameter>/mean or /variance, found '" + name + "'");
      }
    }
  }
}
