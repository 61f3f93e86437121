package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;
import org.archbench.schema.jmh.ConfigurationParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixture run with a jmh/figures.json of paired comparisons beside its results: the engine
 * ratios read off them, turned where the stage stored them the other way round, and the line that
 * says how decisive the run was, on the page and for the console.
 */
class PairedRunTest {

  private static final String THROUGHPUT = "org.archbench.benchmarks.ThroughputBenchmark.batch256";

  /** onnxruntime against pytorch at batch 256: onnxruntime's images/s 7.8 times pytorch's. */
  private static final Comparison ORT_OVER_TORCH = new Comparison(THROUGHPUT, "mean", "ops/s",
      false, ConfigurationParams.float32("onnxruntime", "mlp"), ConfigurationParams.float32("pytorch", "mlp"), 8.0,
      7.5, 8.5, 5.0, 10.0, 12, 0.05, ComparisonVerdict.A_CHEAPER, null);

  private static final Comparison RSS_UNDECIDED = new Comparison(THROUGHPUT, "native.peakRss",
      "MiB", true, ConfigurationParams.float32("onnxruntime", "mlp"), ConfigurationParams.float32("pytorch", "mlp"),
      0.9, 0.8, 1.02, 0.78, 1.04, 12, 0.05, ComparisonVerdict.UNDECIDED, 48);

  private static Path pairedRun(Path directory) throws IOException {
    Path run = Fixtures.copy(directory);
    Fixtures.editFigures(run, figures -> Fixtures.with(figures, figures.figures(),
        List.of(ORT_OVER_TORCH, RSS_UNDECIDED)));
    return run;
  }

  @Test
  void anEngineRatioStoredTheOtherWayRoundIsTurned(@TempDir Path directory) throws IOException {
    RunResults run = RunResults.read(pairedRun(directory));
    Table ratios = EnginesSection.ratios(run);

    List<Object> row = ratios.rows().stream()
        .filter(r -> r.get(1).equals("b256 img/s")).findFirst().orElseThrow();
    assertEquals(List.of("mlp", "b256 img/s", "pytorch", "onnxruntime"), row.subList(0, 4));
    assertEquals(1 / 8.0, (double) ratios.value(row, "ratio"), 1e-12);
    assertEquals(1 / 10.0, (double) ratios.value(row, "lower95"), 1e-12);
    assertEquals(1 / 5.0, (double) ratios.value(row, "upper95"), 1e-12);
    assertEquals(12, ratios.value(row, "blocks"));
    assertEquals("onnxruntime cheaper", ratios.value(row, EnginesSection.RATIO_VERDICT));
  }

  @Test
  void theLineCountsTheRunsComparisonsAndWhatThePageShowsOfThem(@TempDir Path directory)
      throws IOException {
    Path run = pairedRun(directory);

    Decisiveness decisiveness = Decisiveness.of(run).orElseThrow();

    assertEquals(2, decisiveness.comparisons());
    assertEquals(1, decisiveness.decided());
    assertEquals(1, decisiveness.undecided());
    assertEquals(1, decisiveness.engineRatios());
    assertEquals(1, decisiveness.engineRatiosDecided());
    assertTrue(decisiveness.text().startsWith("Cost comparisons: 1 of 2 decided (0 equivalent"
        + " within 5%, 1 undecided); pick table: "), decisiveness.text());
    assertTrue(decisiveness.text().endsWith("; engine ratios: 1 of 1 decided."),
        decisiveness.text());

    Path page = HtmlReport.write(run, directory.resolve("report"), "paired");
    String html = Files.readString(page);
    assertTrue(html.contains("How decisive the measurements were"));
    assertTrue(html.contains(decisiveness.text()));
    assertTrue(html.indexOf(decisiveness.text()) < html.indexOf("id=\"picks\""),
        "the line comes before the pick table");
  }

  @Test
  void aRunWithoutComparisonsHasNoLineAndKeepsItsUnpairedRatios(@TempDir Path directory)
      throws IOException {
    Path run = Fixtures.copy(directory);
    RunResults results = RunResults.read(run);

    assertTrue(Decisiveness.of(run).isEmpty());
    Table ratios = EnginesSection.ratios(results);
    assertEquals(Table.Column.Kind.RATIO, ratios.columns().get(4).kind());
    assertFalse(Files.readString(HtmlReport.write(run, directory.resolve("report"), "old"))
        .contains("How decisive"));
  }
}
