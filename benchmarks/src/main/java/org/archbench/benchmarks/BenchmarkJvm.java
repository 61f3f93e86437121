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
  /** A fixed, pre-touched heap, so that heap growth does not show up as native memory. */
  static final String HEAP = "-Xms1g";
  static final String MAX_HEAP = "-Xmx1g";

  private BenchmarkJvm() {}
}
