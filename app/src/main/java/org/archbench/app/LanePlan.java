package org.archbench.app;

import java.util.List;
import java.util.Locale;
import org.archbench.schema.run.RunManifest;

/**
 * How many lanes the training stages run side by side, each lane a JVM of its own with a share of
 * the cores; which lane trains what is the {@link LaneQueue}'s to decide as the lanes come free.
 *
 * <p>Why two lanes whenever there are two cores: PyTorch's small convolutions do not scale from one
 * thread to two. On a 2-core host, two trainings with one thread each trained 1.07x (vgg), 1.08x
 * (secnn), 1.30x (cnn), 1.42x (resnet) and 1.92x (mlp) the images per second of one training with
 * two threads. Lanes are processes, not threads, because PyTorch's random generator is one per
 * process: two trainings in one would draw each other's dropout masks and no longer reproduce.
 *
 * @param count lanes at once
 * @param threadsPerLane PyTorch's intra-op threads in each lane
 * @param decidedBy why this many lanes
 */
record LanePlan(int count, int threadsPerLane, String decidedBy) {

  /** Lanes at most: two already fill two cores, and more would each hold too little work. */
  static final int MAXIMUM_LANES = 2;

  /** The plan for {@code jobs} jobs on {@code cores} cores. */
  static LanePlan of(int cores, int jobs) {
    int count = cores >= 2 ? Math.max(1, Math.min(MAXIMUM_LANES, jobs)) : 1;
    int threads = Math.max(1, cores / count);
    String decidedBy = count > 1
        ? String.format(Locale.ROOT, "%d cores: %d lanes of %d thread%s, since small"
            + " convolutions train faster side by side than on more threads", cores, count, threads,
            threads == 1 ? "" : "s")
        : cores < 2 ? "1 core: one lane" : "one job: one lane";
    return new LanePlan(count, threads, decidedBy);
  }

  /** The plan as run.json records it, with the architectures each lane ran. */
  RunManifest.Lanes record(List<List<String>> archsPerLane) {
    return new RunManifest.Lanes(threadsPerLane, decidedBy, archsPerLane);
  }
}
