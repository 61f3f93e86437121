package org.archbench.benchmarks.paired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;
import org.junit.jupiter.api.Test;

/** Every pair of configurations once, the earlier in the map's order as a. */
class PairedComparisonsTest {

  private static final Map<String, String> CNN_ORT =
      Map.of("arch", "cnn", "engine", "onnxruntime", "variant", "fp32");
  private static final Map<String, String> CNN_TORCH =
      Map.of("arch", "cnn", "engine", "pytorch", "variant", "fp32");
  private static final Map<String, String> MLP_ORT =
      Map.of("arch", "mlp", "engine", "onnxruntime", "variant", "fp32");

  @Test
  void everyPairOnceInTheMapsOrder() {
    LinkedHashMap<Map<String, String>, double[]> throughputs = new LinkedHashMap<>();
    // Images/s in four blocks; the machine is 30% slower in the third.
    throughputs.put(CNN_ORT, new double[] {1000, 1010, 700, 1005});
    throughputs.put(CNN_TORCH, new double[] {500, 498, 352, Double.NaN});
    throughputs.put(MLP_ORT, new double[] {1002, 1008, 701, 1004});

    List<Comparison> comparisons = PairedComparisons.of("org.archbench.ThroughputBenchmark.batch032",
        "mean", "images/s", false, throughputs, 0.05);

    assertEquals(3, comparisons.size());
    assertTrue(comparisons.get(0).a().equals(CNN_ORT) && comparisons.get(0).b().equals(CNN_TORCH));
    assertTrue(comparisons.get(1).a().equals(CNN_ORT) && comparisons.get(1).b().equals(MLP_ORT));
    assertTrue(comparisons.get(2).a().equals(CNN_TORCH) && comparisons.get(2).b().equals(MLP_ORT));

    Comparison ortOverTorch = comparisons.get(0);
    assertEquals("org.archbench.ThroughputBenchmark.batch032", ortOverTorch.benchmark());
    assertEquals("mean", ortOverTorch.figure());
    assertEquals("images/s", ortOverTorch.unit());
    assertEquals(false, ortOverTorch.lowerIsBetter());
    assertEquals(0.05, ortOverTorch.margin());
    assertEquals(3, ortOverTorch.blocks(), "pytorch missed the fourth block");
    assertEquals(2.0, ortOverTorch.ratio(), 0.02);
    assertEquals(ComparisonVerdict.A_CHEAPER, ortOverTorch.verdict(), "twice the images/s");
    assertTrue(ortOverTorch.cheaper(CNN_ORT));
    assertNull(ortOverTorch.blocksNeeded());
    assertTrue(ortOverTorch.lower95() < ortOverTorch.lower90()
        && ortOverTorch.upper90() < ortOverTorch.upper95());

    assertEquals(ComparisonVerdict.EQUIVALENT, comparisons.get(1).verdict());
    assertEquals(4, comparisons.get(1).blocks());
    assertEquals(ComparisonVerdict.B_CHEAPER, comparisons.get(2).verdict());
  }
}
