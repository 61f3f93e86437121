package org.archbench.harness.evaluation;

import org.archbench.schema.stats.SignificancePair;
import org.archbench.schema.stats.SeedStatistics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.archbench.harness.data.LabeledImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatisticsTest {

  @TempDir Path directory;

  private static final LabeledImages TEST =
      new LabeledImages(3, 1, 1, new float[3], new byte[] {4, 0, 9});

  @Test
  void pairwiseTestsAreHolmCorrected() {
    boolean[] strong = new boolean[1000];
    boolean[] weak = new boolean[1000];
    boolean[] alike = new boolean[1000];
    for (int i = 0; i < 1000; i++) {
      strong[i] = i % 10 != 0;     // 90%
      weak[i] = i % 5 != 0;        // 80%, wrong wherever strong is, and more
      alike[i] = i % 10 != 1;      // 90%, wrong elsewhere
    }
    Map<String, boolean[]> correct = new LinkedHashMap<>();
    correct.put("strong", strong);
    correct.put("weak", weak);
    correct.put("alike", alike);

    List<SignificancePair> pairs = PairwiseSignificance.test(correct);

    assertEquals(3, pairs.size());
    SignificancePair strongWeak = pairs.get(0);
    assertEquals(100, strongWeak.firstOnlyCorrect());
    assertEquals(0, strongWeak.secondOnlyCorrect());
    assertTrue(strongWeak.significant());
    SignificancePair strongAlike = pairs.get(1);
    assertEquals(100, strongAlike.firstOnlyCorrect());
    assertEquals(100, strongAlike.secondOnlyCorrect());
    assertFalse(strongAlike.significant());
    // (|100 - 100| - 1)^2 / 200 = 0.005, P(chi2_1 > 0.005) = 0.9436; the largest p is multiplied by 1
    assertEquals(0.9436, strongAlike.pValue(), 1e-4);
    assertEquals(strongAlike.pValue(), strongAlike.holmPValue(), 1e-12);
    assertTrue(strongWeak.holmPValue() >= strongWeak.pValue());
  }

  @Test
  void readsPredictionsOfThisTestSet() throws IOException {
    Path file = Files.writeString(directory.resolve("p.csv"),
        "index,label,predicted,p0\n0,4,4,0.1\n1,0,2,0.2\n2,9,9,0.3\n");

    assertEquals(List.of(4, 2, 9), java.util.Arrays.stream(PredictionsFile.read(file, TEST)).boxed().toList());
  }

  @Test
  void aPredictionsFileWithTooFewRowsIsRejected() throws IOException {
    Path file = Files.writeString(directory.resolve("p.csv"), "index,label,predicted\n0,4,4\n1,0,0\n");

    IOException error = assertThrows(IOException.class, () -> PredictionsFile.read(file, TEST));

    assertEquals(file + ": expected 3 rows, one per test image, found 2: evaluate again",
        error.getMessage());
  }

  @Test
  void aPredictionsFileWithOtherLabelsIsRejected() throws IOException {
    Path file = Files.writeString(directory.resolve("p.csv"),
        "index,label,predicted\n0,4,4\n1,3,3\n2,9,9\n");

    IOException error = assertThrows(IOException.class, () -> PredictionsFile.read(file, TEST));

    assertTrue(error.getMessage().contains("row 2: expected image 1 with the test set's label 0,"
        + " found image 1 with label 3"), error.getMessage());
  }

  @Test
  void seedSpreadIsTheMeanStandardDeviationAndStudentInterval() {
    SeedStatistics.MetricSummary summary =
        SeedSpread.summarize("accuracy", new double[] {0.90, 0.92, 0.91});

    assertEquals(0.91, summary.mean(), 1e-12);
    assertEquals(0.01, summary.standardDeviation(), 1e-12);
    // t(0.975, 2 degrees of freedom) = 4.302653; half-width 4.302653 * 0.01 / sqrt(3).
    assertEquals(0.91 - 0.0248414, summary.lower95(), 1e-6);
    assertEquals(0.91 + 0.0248414, summary.upper95(), 1e-6);
    assertEquals(List.of(0.90, 0.92, 0.91), summary.values());
  }

  @Test
  void oneSeedHasNoSpread() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> SeedSpread.of("cnn", "pytorch", List.of(42L), List.of()));

    assertEquals("seed statistics: expected one evaluation for each of at least 2 seeds, found 0"
        + " evaluations for 1 seeds", error.getMessage());
  }
}
