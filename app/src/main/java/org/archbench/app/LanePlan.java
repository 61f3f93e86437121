package org.archbench.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.archbench.schema.run.RunManifest;

/**
 * How a stage that trains several architectures runs them: in lanes side by side, each lane a JVM of
 * its own with a share of the cores, the architectures dealt out longest first to the lane with the
 * least work so far, so that the lanes end close together.
 *
 * <p>Why two lanes whenever there are two cores: PyTorch's small convolutions do not scale from one
 * thread to two. On a 2-core host, two trainings with one thread each trained 1.07x (vgg), 1.08x
 * (secnn), 1.30x (cnn), 1.42x (resnet) and 1.92x (mlp) the images per second of one training with
 * two threads. Lanes are processes, not threads, because PyTorch's random generator is one per
 * process: two trainings in one would draw each other's dropout masks and no longer reproduce.
 *
 * @param threadsPerLane PyTorch's intra-op threads in each lane
 * @param decidedBy why this many lanes
 * @param lanes the architectures of each lane, in the order it trains them
 */
record LanePlan(int threadsPerLane, String decidedBy, List<List<String>> lanes) {

  /** Lanes at most: two already fill two cores, and more would each hold too little work. */
  static final int MAXIMUM_LANES = 2;

  LanePlan {
    lanes = lanes.stream().map(List::copyOf).toList();
  }

  /**
   * The plan for {@code archs} on {@code cores} cores, dealt by {@code estimatedSeconds} (on one
   * lane's threads).
   */
  static LanePlan of(int cores, List<String> archs, ToDoubleFunction<String> estimatedSeconds) {
    int count = cores >= 2 ? Math.min(MAXIMUM_LANES, archs.size()) : 1;
    int threads = Math.max(1, cores / Math.max(1, count));
    List<List<String>> lanes = new ArrayList<>();
    double[] work = new double[Math.max(1, count)];
    for (int lane = 0; lane < work.length; lane++) {
      lanes.add(new ArrayList<>());
    }
    archs.stream()
        .sorted(Comparator.comparingDouble(estimatedSeconds).reversed())
        .forEach(arch -> {
          int least = 0;
          for (int lane = 1; lane < work.length; lane++) {
            if (work[lane] < work[least]) {
              least = lane;
            }
          }
          lanes.get(least).add(arch);
          work[least] += estimatedSeconds.applyAsDouble(arch);
        });
    String decidedBy = count > 1
        ? String.format(Locale.ROOT, "%d cores: %d lanes of %d thread%s, since small"
            + " convolutions train faster side by side than on more threads", cores, count, threads,
            threads == 1 ? "" : "s")
        : cores < 2 ? "1 core: one lane" : "one architecture: one lane";
    return new LanePlan(threads, decidedBy, lanes);
  }

  /** How many lanes run at once. */
  int count() {
    return lanes.size();
  }

  /** The plan as run.json records it. */
  RunManifest.Lanes record() {
    return new RunManifest.Lanes(threadsPerLane, decidedBy, lanes);
  }
}
