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

  /**
   * The system property that caps the intra-op threads of every engine and of training
   * ({@code -Dbench.threads}, the CLI's {@code --threads}): the pipeline gives each of the lanes
   * that train side by side its share of the cores.
   */
  public static final String THREADS_PROPERTY = "bench.threads";

  /**
   * CPU, every core within an operator (or {@value #THREADS_PROPERTY} of them), one thread across
   * operators, all optimisations.
   *
   * @throws IllegalArgumentException if {@value #THREADS_PROPERTY} is set and not a positive whole
   *     number
   */
  public static EngineSettings cpuDefaults() {
    return new EngineSettings(ComputeDevice.CPU, cpuThreads(), 1, OptimizationLevel.ALL);
  }

  /** Every core, or the {@value #THREADS_PROPERTY} given. */
  public static int cpuThreads() {
    String threads = System.getProperty(THREADS_PROPERTY, "").trim();
    if (threads.isEmpty()) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int parsed = Integer.parseInt(threads);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException notANumber) {
      // Told below, with what was expected.
    }
    throw new IllegalArgumentException("-D" + THREADS_PROPERTY + ": expected a positive number of"
        + " threads, found '" + threads + "'. Leave it out to use every core.");
  }
}
