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
 * <p>"Decided" here is at the {@link StoppingRule}'s levels, stricter than the published
 * verdict's: the allocation looks after every block, and stopping at the first nominal decision
 * turns each look into another chance of a false difference. "Within reach" is the published
 * verdict's: a comparison stops asking for blocks once it is decided at the stopping levels, or
 * once its published verdict is undecided and needs more blocks than the budget leaves (then no
 * block could change what is published). One decided at the nominal levels but not at the
 * stopping ones keeps asking until the stopping levels decide it or the budget ends, even where
 * the stopping levels are out of reach: stopping it there would stop it because its 95% interval
 * excluded 1, the very optional stopping the stricter levels are for. On the simulated drifting
 * machine (measured with the untrimmed mean; {@link PairedRatio} now trims, and the figures of
 * today's estimator are in that test) this kept 1.0 against 1.0 called "cheaper" at 2.0% of runs
 * (7.8% stopping at the nominal levels, 3.0% with blocks fixed in advance, 3.9% if such
 * comparisons stop) for half the turns of the fixed design; judging the reach at the stopping
 * levels instead saved a further tenth of the turns but left 1.0 against 1.0 undecided in half the
 * runs.
 *
 * <p>A comparison decided at the stopping levels does not keep that decision: it is asked again
 * after every block. While decided it asks for no block, but where its sides ran for other
 * comparisons it has more blocks, and if those undo its decision it asks for blocks again. This
 * keeps the allocation a function of the blocks alone (nothing to remember between blocks, the
 * same answer on a resumed run), and it matches the published verdict, which is read from all the
 * blocks: a comparison stopped for but undone later would otherwise be published undecided, or
 * flipped, with blocks still in reach that could settle it. The blocks it asks for then are few:
 * its sides already run for the comparisons that brought the new blocks. In the simulation,
 * remembering decisions instead saved 1% of the fixed design's turns and changed the false
 * "cheaper" by no more than chance (2.1% against 2.0%), but found 1.10 dearer than 1.0 less often
 * (96.4% of runs against 97.4%).
 *
 * @param pilotBlocks the blocks every configuration takes part in, at least 2 (the fewest that
 *     give a comparison its spread)
 * @param stopping the levels at which a comparison stops asking for blocks
 */
public record BlockAllocation(int pilotBlocks, StoppingRule stopping) {

  public BlockAllocation {
    if (pilotBlocks < 2) {
      throw new IllegalArgumentException(
          "expected a pilot of at least 2 blocks (one gives no spread), found " + pilotBlocks);
    }
    if (stopping == null) {
      throw new IllegalArgumentException("expected a stopping rule, found none");
    }
  }

  /** A pilot of {@code pilotBlocks}, then blocks until decided by {@link StoppingRule#POCOCK}. */
  public BlockAllocation(int pilotBlocks) {
    this(pilotBlocks, StoppingRule.POCOCK);
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
        ? new LinkedHashSet<>(configurations) : needingBlocks(comparisons, blocksLeft, stopping);
  }

  /**
   * {@link #needingBlocks(List, int, StoppingRule)} at {@link StoppingRule#POCOCK}.
   */
  public static Set<Map<String, String>> needingBlocks(List<Comparison> comparisons,
      int blocksLeft) {
    return needingBlocks(comparisons, blocksLeft, StoppingRule.POCOCK);
  }

  /**
   * The sides of every comparison undecided at {@code stopping}'s levels whose published verdict
   * ({@link Comparison#verdict}, at the nominal levels) is decided already, or else needs a known
   * number of blocks within its blocks so far plus {@code blocksLeft}; in the order of the
   * comparisons. {@code stopping}'s levels are meant to be at least the nominal ones.
   */
  public static Set<Map<String, String>> needingBlocks(List<Comparison> comparisons,
      int blocksLeft, StoppingRule stopping) {
    Set<Map<String, String>> needed = new LinkedHashSet<>();
    for (Comparison comparison : comparisons) {
      if (stopping.decides(comparison)) {
        continue;
      }
      boolean publishedDecided = comparison.verdict().decided();
      boolean publishedInReach = comparison.blocksNeeded() != null
          && comparison.blocksNeeded() <= comparison.blocks() + (long) blocksLeft;
      if (publishedDecided || publishedInReach) {
        needed.add(comparison.a());
        needed.add(comparison.b());
      }
    }
    return needed;
  }
}
