package org.archbench.schema.run;

import java.util.List;
import java.util.Optional;
import org.archbench.schema.io.ResultFormat;

/**
 * pipeline/speed-&lt;lane&gt;.json: how fast each architecture trained on this machine in a few timed
 * steps, taken by every lane of the pipeline at once (as its trainings will run). The pipeline plans
 * its lanes and its ETA from it; it is an estimate, not a result, and the report does not show it.
 *
 * @param intraOpThreads PyTorch's intra-op threads in the lane that measured
 * @param archs one entry per architecture
 * @param measuredAt ISO-8601 instant
 */
@ResultFormat(file = "pipeline/speed-<lane>.json")
public record TrainingSpeeds(int intraOpThreads, List<ArchSpeed> archs, String measuredAt) {

  public TrainingSpeeds {
    archs = archs == null ? List.of() : List.copyOf(archs);
  }

  /**
   * One architecture's speed.
   *
   * @param arch the architecture id
   * @param secondsPerImage wall seconds per training image (forward, backward and Adam)
   */
  public record ArchSpeed(String arch, double secondsPerImage) {}

  /** The seconds per image of {@code arch}, if it was measured. */
  public Optional<Double> secondsPerImage(String arch) {
    return archs.stream().filter(a -> a.arch().equals(arch)).map(ArchSpeed::secondsPerImage)
        .findFirst();
  }
}
