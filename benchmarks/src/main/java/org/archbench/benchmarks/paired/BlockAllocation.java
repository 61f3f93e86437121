package org.archbench.benchmarks.paired;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;

/**
 * Which configurations take part in the next block. The first {@code pilotBlocks} blocks take
 * every configuration: they estimate each comparison's spread before any budget is spent on it
 * (the dimensioning run of Kalibera and Jones, ISMM 2013). After the pilot a configuration runs
 * again only while it is a side of a comparison that is undecided and that, at the spread seen so
 * far, the blocks left could still decide; what is decided, or out of reach, stops taking time
 * (Laaber et al., FSE 2020, stop each benchmark once its result is stable).
 *
 * @param pilotBlocks the blocks every configuration takes part in, at least 2 (the fewest that
 *     give a comparison its spread)
 */
public record BlockAllocation(int pilotBlocks) {

  public BlockAllocation {
    if (pilotBlocks < 2) {
      throw new IllegalArgumentException(
          "expected a pilot of at least 2 blocks (one gives no spread), found " + pilotBlocks);
    }
  }

  /**
   * The configurations of the next block: every one of {@code configurations} during the pilot,
   * else {@link #needingBlocks}. An empty set means no further block would decide anything.
   *
   * @param blocksDone the blocks run so far
   * @param blocksLeft the blocks the budget still allows, this one included
   * @param configurations every configuration, in their order
   * @param comparisons the comparisons after the blocks done
   */
  public Set<Map<String, String>> next(int blocksDone, int blocksLeft,
      Set<Map<String, String>> configurations, List<Comparison> comparisons) {
    if (blocksLeft <= 0) {
      return Set.of();
    }
    return blocksDone < pilotBlocks
        ? new LinkedHashSet<>(configurations) : needingBlocks(comparisons, blocksLeft);
  }

  /**
   * The sides of every undecided comparison whose blocks needed are known and within its blocks so
   * far plus {@code blocksLeft}; in the order of the comparisons.
   */
  public static Set<Map<String, String>> needingBlocks(List<Comparison> comparisons,
      int blocksLeft) {
    Set<Map<String, String>> needed = new LinkedHashSet<>();
    for (Comparison comparison : comparisons) {
      if (comparison.verdict() == ComparisonVerdict.UNDECIDED
          && comparison.blocksNeeded() != null
          && comparison.blocksNeeded() <= comparison.blocks() + (long) blocksLeft) {
        needed.add(comparison.a());
        needed.add(comparison.b());
      }
    }
    return needed;
  }
}
