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

/** Everyone in the pilot; afterwards only what the blocks left can still decide. */
class BlockAllocationTest {

  private static final Map<String, String> A = Map.of("engine", "onnxruntime");
  private static final Map<String, String> B = Map.of("engine", "pytorch");
  private static final Map<String, String> C = Map.of("engine", "tensorflow");
  private static final Map<String, String> D = Map.of("engine", "djl");
  private static final Set<Map<String, String>> ALL = new LinkedHashSet<>(List.of(A, B, C, D));

  private final BlockAllocation allocation = new BlockAllocation(5);

  @Test
  void thePilotIncludesEveryConfiguration() {
    List<Comparison> decided = List.of(comparison(A, B, ComparisonVerdict.A_CHEAPER, 4, null),
        comparison(C, D, ComparisonVerdict.EQUIVALENT, 4, null));

    for (int done = 0; done < 5; done++) {
      assertEquals(ALL, allocation.next(done, 20, ALL, decided));
    }
    assertEquals(Set.of(), allocation.next(5, 20, ALL, decided), "after it, all is decided");
  }

  @Test
  void decidedComparisonsDropTheirConfigurations() {
    List<Comparison> comparisons = List.of(comparison(A, B, ComparisonVerdict.A_CHEAPER, 10, null),
        comparison(C, D, ComparisonVerdict.UNDECIDED, 10, 12),
        comparison(A, C, ComparisonVerdict.B_CHEAPER, 10, null));

    assertEquals(Set.of(C, D), allocation.next(10, 5, ALL, comparisons));
  }

  @Test
  void aComparisonNeedingMoreBlocksThanRemainDrops() {
    List<Comparison> comparisons = List.of(comparison(A, B, ComparisonVerdict.UNDECIDED, 10, 30),
        comparison(C, D, ComparisonVerdict.UNDECIDED, 10, null),
        comparison(B, C, ComparisonVerdict.UNDECIDED, 10, 15));

    assertEquals(Set.of(B, C), allocation.next(10, 5, ALL, comparisons), "15 is just in reach");
    assertEquals(Set.of(), allocation.next(10, 4, ALL, comparisons));
    assertEquals(Set.of(), allocation.next(2, 0, ALL, comparisons), "no blocks left at all");
  }

  @Test
  void aPilotGivesAtLeastTwoBlocks() {
    assertThrows(IllegalArgumentException.class, () -> new BlockAllocation(1));
  }

  private static Comparison comparison(Map<String, String> a, Map<String, String> b,
      ComparisonVerdict verdict, int blocks, Integer blocksNeeded) {
    return new Comparison("org.archbench.LatencyBenchmark.single", "p50", "us/op", true, a, b,
        1.0, 0.9, 1.1, 0.8, 1.2, blocks, 0.05, verdict, blocksNeeded);
  }
}
