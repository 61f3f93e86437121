package org.archbench.schema.engine;

import java.util.Objects;
import org.archbench.schema.engine.ComputeDevice;

/**
 * How an engine runs, stated explicitly rather than left to each engine's defaults, and recorded with
 * every result.
 *
 * @param device CPU, or a CUDA GPU
 * @param intraOpThreads threads within one operator
 * @param interOpThreads threads across independent operators
 * @param optimization ONNX Runtime's graph optimisation level
 */
public record EngineSettings(
    ComputeDevice device, int intraOpThreads, int interOpThreads, OptimizationLevel optimization) {

  public EngineSettings {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(optimization, "optimization");
    if (intraOpThreads <= 0 || interOpThreads <= 0) {
      throw new IllegalArgumentException(
          "expected positive thread counts, found intra-op " + intraOpThreads + ", inter-op "
              + interOpThreads);
    }
  }

  /** CPU, every core within an operator, one thread across operators, all optimisations. */
  public static EngineSettings cpuDefaults() {
    return new EngineSettings(
        ComputeDevice.CPU, Runtime.getRuntime().availableProcessors(), 1, OptimizationLevel.ALL);
  }
}
