package org.archbench.harness;

import org.archbench.schema.OutputLayout;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The trainings of one architecture under several seeds (-Dbench.seeds=N): seeds base, base + 1, ...,
 * base + N - 1. The base seed's files are the run's own; each further seed's live in a layout of
 * their own, seeds/seed-&lt;n&gt;/.
 *
 * @param base the run's master seed
 * @param count how many seeds, at least 1
 */
public record SeedRuns(long base, int count) {

  public SeedRuns {
    if (count < 1) {
      throw new IllegalArgumentException("--seeds: expected at least 1 seed, found " + count);
    }
  }

  /** Every seed, the base first. */
  public List<Long> seeds() {
    return LongStream.range(base, base + count).boxed().toList();
  }

  /** Where the files of {@code seed}'s training go. */
  public OutputLayout layout(OutputLayout run, long seed) {
    return seed == base ? run : run.seedRun(seed);
  }
}
