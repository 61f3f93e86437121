package org.archbench.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.FigureEstimates;
import org.junit.jupiter.api.Test;

/**
 * The report's fixture run holds the jmh/figures.json that this stage makes of the fixture's
 * jmh/results.json, so that the two cannot drift: the report reads only figures.json, and a change
 * of how the figures are made shows here first. Run with -Dgolden.update=true to write it anew.
 */
class FixtureFiguresTest {

  /** The fixture's results, from this module's directory, as the reports' tests read it. */
  private static final Path RESULTS =
      Path.of("../reports/src/test/resources/fixture-run/jmh/results.json");

  private static final Path FIGURES = RESULTS.resolveSibling("figures.json");

  /** When the committed file was made; the comparison leaves it out. */
  private static final String CREATED_AT = "2026-12-08T00:00:00Z";

  @Test
  void theReportsFixtureHoldsTheFiguresOfItsResults() throws IOException {
    FigureEstimates regenerated = CostFigures.estimates(JmhResults.read(RESULTS), CREATED_AT);
    if (Boolean.getBoolean("golden.update")) {
      JsonFiles.write(FIGURES, regenerated);
    }

    FigureEstimates committed = JsonFiles.readStrictly(FIGURES, FigureEstimates.class);

    FigureEstimates sameTime = new FigureEstimates(regenerated.figures(),
        regenerated.comparisons(), regenerated.jmhVersion(), regenerated.benchmarkJvm(),
        committed.createdAt());
    assertEquals(text(sameTime), text(committed), FIGURES.normalize() + " is not the figures of "
        + RESULTS.normalize() + " (createdAt aside): regenerate it with mvn -o -B test -pl"
        + " benchmarks -am -Dtest=FixtureFiguresTest -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dgolden.update=true, and commit it with the change that moved it");
  }

  private static String text(FigureEstimates figures) throws IOException {
    return new String(JsonFiles.bytes(figures), StandardCharsets.UTF_8);
  }
}
