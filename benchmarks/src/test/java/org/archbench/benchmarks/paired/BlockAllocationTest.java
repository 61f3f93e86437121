package org.archbench.benchmarks.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;
import org.junit.jupiter.api.Test;

/**
 * Everyone in the pilot; afterwards only what the blocks left can still decide, decided at the
 * stopping rule's stricter levels.
 */
class BlockAllocationTest {

  private static final Map<String, String> A = Map.of("engine", "onnxruntime");
  private static final Map<String, String> B = Map.of("engine", "pytorch");
  private static final Map<String, String> C = Map.of("engine", "tensorflow");
  private static final Map<String, String> D = Map.of("engine", "djl");
  private static final Set<Map<String, String>> ALL = new LinkedHashSet<>(List.of(A, B, C, D));

  private final BlockAllocation allocation = new BlockAllocation(5);

  @Test
  void thePilotIncludesEveryConfiguration() {
    List<Comparison> decided = List.of(comparison(A, B, 0.60, 0.58, 0.62, 0.61, 0.59),
        comparison(C, D, 1.005, 1.012, 1.008, 1.015, 1.010));

    for (int done = 0; done < 5; done++) {
      assertEquals(ALL, allocation.next(done, 20, ALL, decided));
    }
    assertEquals(Set.of(), allocation.next(5, 20, ALL, decided), "after it, all is decided");
  }

  @Test
  void decidedComparisonsDropTheirConfigurations() {
    List<Comparison> comparisons = List.of(comparison(A, B, 0.60, 0.58, 0.62, 0.61, 0.59),
        comparison(C, D, 1.00, 1.10, 0.92, 1.06, 0.97, 1.03),
        comparison(A, C, 1.70, 1.65, 1.72, 1.68, 1.66));

    assertEquals(ComparisonVerdict.UNDECIDED, comparisons.get(1).verdict());
    assertEquals(Set.of(C, D), allocation.next(6, PairedVerdict.MOST_BLOCKS, ALL, comparisons));
  }

  @Test
  void decidedAtTheNominalLevelsOnlyKeepsItsConfigurations() {
    // Six ratios about 0.94 with a 3% spread: the 95% interval excludes 1, the 99% one does not.
    Comparison nominallyCheaper = comparison(A, B, 0.90, 0.98, 0.94, 0.97, 0.92, 0.95);
    StoppingRule pocock = StoppingRule.POCOCK;

    assertEquals(ComparisonVerdict.A_CHEAPER, nominallyCheaper.verdict());
    assertEquals(ComparisonVerdict.UNDECIDED, pocock.verdict(nominallyCheaper).verdict());
    assertEquals(Set.of(A, B), BlockAllocation.needingBlocks(List.of(nominallyCheaper), 1),
        "even with the stopping levels out of reach: stopping here would stop on a 95% look");
    assertEquals(Set.of(), BlockAllocation.needingBlocks(List.of(nominallyCheaper), 1,
        StoppingRule.NOMINAL));
  }

  @Test
  void aComparisonWhosePublishedVerdictNeedsMoreBlocksThanRemainDrops() {
    Comparison wide = comparison(A, B, 1.00, 1.10, 0.92, 1.06, 0.97, 1.03);
    int needed = wide.blocksNeeded();

    assertEquals(Set.of(A, B), allocation.next(6, needed - 6, ALL, List.of(wide)), "just in reach");
    assertEquals(Set.of(), allocation.next(6, needed - 7, ALL, List.of(wide)));
    assertEquals(Set.of(), allocation.next(2, 0, ALL, List.of(wide)), "no blocks left at all");
  }

  @Test
  void theStoppingVerdictReadsTheSpreadBackFromThe95PercentInterval() {
    Comparison comparison = comparison(A, B, 0.90, 0.98, 0.94, 0.97, 0.92);
    PairedRatio ratio = PairedRatio.of(new double[] {0.90, 0.98, 0.94, 0.97, 0.92},
        new double[] {1, 1, 1, 1, 1});

    assertEquals(PairedVerdict.of(ratio, 0.05, true), StoppingRule.NOMINAL.verdict(comparison));
    assertEquals(PairedVerdict.at(ratio.meanLogRatio(), ratio.logRatioDeviation(), 5, 0.05, true,
        0.99, 0.98), StoppingRule.POCOCK.verdict(comparison));
  }

  @Test
  void aPilotGivesAtLeastTwoBlocks() {
    assertThrows(IllegalArgumentException.class, () -> new BlockAllocation(1));
    assertThrows(IllegalArgumentException.class, () -> new StoppingRule(0.99, 1));
  }

  /** The comparison of a over b, b 1 in every block and a the ratios given. */
  private static Comparison comparison(Map<String, String> a, Map<String, String> b,
      double... ratios) {
    double[] ones = new double[ratios.length];
    java.util.Arrays.fill(ones, 1);
    return PairedComparisons.between("org.archbench.LatencyBenchmark.single", "p50", "us/op",
        true, a, ratios, b, ones, 0.05);
  }
}
