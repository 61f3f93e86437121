package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.stats.Ratio;
import org.junit.jupiter.api.Test;

/** How single values read on the page: p-values at the edge of a double, one-point charts. */
class TableAndChartTest {

  @Test
  void aPValueADoubleCannotTellFromZeroIsShownAsABound() {
    Table.Column p = Table.Column.pValue("p", "p");

    assertEquals("< 1e-300", Table.format(p, 0.0).text());
    assertEquals("< 1e-300", Table.format(p, Double.MIN_VALUE).text());
    assertEquals("1.00e-300", Table.format(p, 1e-300).text());
    assertEquals("0.0123", Table.format(p, 0.012345).text());
  }

  @Test
  void aValueThatCannotBeTrueReadsInvalidInItsCell() {
    Table.Column accuracy = Table.Column.percent("accuracy", "Accuracy %");
    Table.Column images = Table.Column.number("images_per_s", "img/s", "%,.0f");

    assertTrue(Table.format(accuracy, 1e308).invalid());
    assertEquals("invalid", Table.format(accuracy, -0.1).text());
    assertEquals("invalid", Table.format(images, Double.POSITIVE_INFINITY).text());
    assertEquals("92.34", Table.format(accuracy, 0.9234).text());
    assertFalse(Table.format(images, 1234.0).invalid());
  }

  @Test
  void aCostFigureReadsWithItsIntervalAndVerdict() {
    Table.Column images = Table.Column.estimate("b256_images_per_s", "b256 img/s", "%,.0f");
    Estimate ok = Estimate.of(new double[] {990, 1000, 1010}, 30, 0, 0.03);
    Estimate noisy = Estimate.of(new double[] {500, 1500, 1000}, 30, 0, 0.03);
    Estimate oneFork = Estimate.of(new double[] {1000}, 10, 0, 0.03);

    Table.Cell okCell = Table.format(images, ok);
    assertEquals("1,000 ±2.5%", okCell.text());
    assertEquals("", okCell.verdictClass());
    assertEquals("95% interval 975 to 1,025 over 3 forks, 30 samples; target ±3%", okCell.detail());
    // The geometric mean of 500, 1,500 and 1,000, with its interval on the logs.
    assertEquals("909 ±186%", Table.format(images, noisy).text());
    assertEquals("noisy", Table.format(images, noisy).verdictClass());
    assertEquals("1,000", Table.format(images, oneFork).text());
    assertEquals("too-few-samples", Table.format(images, oneFork).verdictClass());
    assertEquals("no interval: 1 fork, 10 samples; target ±3%", Table.format(images, oneFork).detail());
  }

  @Test
  void aCostFigureSpreadsOverColumnsInTheCsv() throws Exception {
    Table table = new Table("costs", "Costs", List.of(Table.Column.text("arch", "Architecture"),
        Table.Column.estimate("b256", "b256 img/s", "%,.0f")), List.of(
            List.of("mlp", Estimate.of(new double[] {990, 1000, 1010}, 30, 0, 0.03)),
            java.util.Arrays.asList("cnn", null)));

    List<String> lines = TableFiles.csv(table).lines().toList();

    assertEquals("arch,b256,b256_lower95,b256_upper95,b256_forks,b256_samples,b256_verdict",
        lines.get(0));
    assertTrue(lines.get(1).startsWith("mlp,999.966") && lines.get(1).contains(",975.43") && lines.get(1).endsWith(",3,30,ok"),
        lines.get(1));
    assertEquals("cnn,,,,,,", lines.get(2));
  }

  @Test
  void aValueThePageMarksInvalidIsInvalidInTheDownloadsToo() throws Exception {
    Table table = new Table("accuracy", "Accuracy", List.of(Table.Column.text("arch", "Architecture"),
        Table.Column.percent("accuracy", "Accuracy %"),
        Table.Column.number("nll", "NLL", "%.4f")), List.of(
            List.of("mlp", 1.0E308, 0.31),
            List.of("cnn", 0.92, Double.POSITIVE_INFINITY)));
    assertTrue(Table.format(table.columns().get(1), 1.0E308).invalid(), "the page's mark");

    List<String> lines = TableFiles.csv(table).lines().toList();
    JsonNode json = new ObjectMapper().readTree(TableFiles.json(table));

    assertEquals(List.of("arch,accuracy,nll", "mlp,invalid,0.31", "cnn,0.92,invalid"), lines);
    assertEquals("invalid", json.get(0).get("accuracy").asText());
    assertEquals(0.31, json.get(0).get("nll").asDouble());
    assertEquals(0.92, json.get(1).get("accuracy").asDouble());
    assertEquals("invalid", json.get(1).get("nll").asText());
  }

  @Test
  void aRatioReadsWithItsIntervalAndSaysWhenItCoversOne() throws Exception {
    Table.Column ratio = Table.Column.ratio("ratio", "Ratio");
    Ratio clear = Ratio.of(List.of(100.0, 101.0, 99.0), List.of(50.0, 50.5, 49.5));
    Ratio tied = Ratio.of(List.of(100.0, 120.0, 80.0), List.of(100.0, 110.0, 90.0));

    assertTrue(Table.format(ratio, clear).text().matches("2\\.00 \\[1\\.9\\d, 2\\.0\\d\\]"),
        Table.format(ratio, clear).text());
    assertEquals("", Table.format(ratio, clear).verdictClass());
    assertEquals("no-detectable-difference", Table.format(ratio, tied).verdictClass());
    Table table = new Table("ratios", "Ratios", List.of(ratio), List.of(List.of(tied)));
    assertEquals("ratio,ratio_lower95,ratio_upper95,ratio_difference",
        TableFiles.csv(table).lines().findFirst().orElseThrow());
  }

  @Test
  void aChartOfOneXValueLabelsItsTicksAsWholeNumbers() {
    String svg = new Charts().lines("Loss", "epoch", "loss",
        Map.of("mlp", List.<double[]>of(new double[] {1, 0.5})));

    assertFalse(svg.contains("1E0"), "ticks of a one-epoch run");
    assertTrue(svg.contains(">1<") || svg.contains(">1.0<") || svg.matches("(?s).*>\\s*1\\s*<.*"),
        "the epoch is labelled");
  }
}
