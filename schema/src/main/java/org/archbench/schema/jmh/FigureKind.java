package org.archbench.schema.jmh;

import java.util.Optional;

/**
 * What a figure of a {@link CostMeasure} is, by the name figures.json gives it: the primary
 * score's mean, a latency percentile, a profiler's memory, heap or FLOP/s, the machine-relative
 * figure, the batch-1 rate, or one path of the ONNX Runtime overhead.
 */
public enum FigureKind {
  /** The primary score: images/s, or the time of a call. */
  MEAN("mean"),
  P50("p50"),
  P90("p90"),
  P99("p99"),
  P99_9("p99.9"),
  /** The process's peak resident memory, MiB. */
  PEAK_RSS("native.peakRss"),
  /** The process's anonymous resident memory, MiB. */
  RSS_ANON("native.rssAnon"),
  /** Heap bytes allocated per operation: 0 where the gc profiler ran and JMH left it out. */
  HEAP_PER_OPERATION("gc.alloc.rate.norm"),
  /** Floating-point operations per second. */
  FLOP("flop"),
  /** The mean against the anchor GEMM's speed in the same block: machine-relative. */
  ANCHORED("anchored"),
  /**
   * Images/s of a timed benchmark of one image per call: each fork's (or block's) reciprocal of
   * its mean time per call.
   */
  RATE("rate"),
  /** The plain ONNX Runtime session's microseconds per call, of the overhead benchmark. */
  PLAIN_SESSION("plain"),
  /** archbench's engine's microseconds per call, of the overhead benchmark. */
  ARCHBENCH_ENGINE("archbench");

  private final String id;

  FigureKind(String id) {
    this.id = id;
  }

  /** The name figures.json gives the figure. */
  public String id() {
    return id;
  }

  /** The kind named {@code id}; empty for a figure no question reads. */
  public static Optional<FigureKind> of(String id) {
    for (FigureKind kind : values()) {
      if (kind.id.equals(id)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

}
