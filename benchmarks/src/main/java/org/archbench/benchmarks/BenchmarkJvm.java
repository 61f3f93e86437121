package org.archbench.benchmarks;

/** JVM options of every benchmark fork, as constants so that the annotations can name them. */
final class BenchmarkJvm {

  /** Never reach for a model hub. */
  static final String OFFLINE = "-Dai.djl.offline=true";
  /**
   * PyTorch fixes its inter-op pool when the engine loads, so the thread count must be a property
   * of the fork, not a call made later (EngineSettings: one inter-op thread).
   */
  static final String ONE_INTEROP_THREAD = "-Dai.djl.pytorch.num_interop_threads=1";
  /**
   * A fixed heap, so that heap growth does not show up as native memory, and small enough that
   * the forks of every configuration, which the stage keeps alive together, fit in memory: the
   * benchmarks' inputs and logits are a few MiB, the engines' tensors native.
   */
  static final String HEAP = "-Xms384m";
  static final String MAX_HEAP = "-Xmx384m";

  private BenchmarkJvm() {}
}
