package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.FigureKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeadToHeadTest {

  @TempDir Path out;

  @Test
  void aPairIsComparedOnEveryMeasureWithItsWinner() throws IOException {
    Document page = Jsoup.parse(
        HtmlReport.write(Fixtures.run(), out, null, List.of("mlp:cnn", "cnn:vgg")).toFile());

    List<String> lines = page.select("#table-head-to-head-mlp-cnn + div tbody tr").eachText();
    // 89.68% against 92.36%, McNemar significant in the fixture's stats.json.
    assertTrue(lines.contains("test accuracy, onnxruntime 89.68% [89.07, 90.26]"
        + " 92.36% [91.82, 92.86] cnn"), lines.toString());
    assertTrue(lines.contains("parameters 235,146 421,834 mlp (fewer)"), lines.toString());
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("epochs to 90% validation accuracy")
        && line.endsWith("(one run, no interval)")), lines.toString());
    assertTrue(lines.contains("epochs to 90% validation accuracy 14 4 cnn (one run, no interval)"),
        lines.toString());
    assertTrue(lines.stream().noneMatch(line -> line.startsWith("b1 p50 us")),
        "the fixture benchmarked mlp only: no cost line without both sides");
    assertEquals(List.of("Missing: cnn against vgg: no results of vgg in this run"),
        page.select("#head-to-head .missing-note").eachText());
  }

  @Test
  void aCostIsWonOnlyBeyondTheRatiosInterval() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    // Three forks of batch 256 of mlp, and the same configurations of cnn ten times slower.
    Fixtures.editFigures(run, figures -> {
      List<FigureEstimates.Figure> edited = new ArrayList<>();
      List<FigureEstimates.Figure> cnn = new ArrayList<>();
      for (FigureEstimates.Figure figure : figures.figures()) {
        if (figure.measure().equals(Optional.of(CostMeasure.BATCH_256_THROUGHPUT))
            && figure.param("arch").equals("mlp")) {
          boolean mean = figure.figure().equals(FigureKind.MEAN.id());
          edited.add(mean ? Fixtures.with(figure, figure.params(),
              Estimate.of(new double[] {1000, 1010, 990}, 3, 0, 0.03)) : figure);
          Map<String, String> params = new HashMap<>(figure.params());
          params.put("arch", "cnn");
          cnn.add(Fixtures.with(figure, params, mean
              ? Estimate.of(new double[] {100, 101, 99}, 3, 0, 0.03) : figure.estimate()));
        } else {
          edited.add(figure);
        }
      }
      edited.addAll(cnn);
      return Fixtures.with(figures, edited, figures.comparisons());
    });

    Document page = Jsoup.parse(
        HtmlReport.write(run, out.resolve("report"), null, List.of("mlp:cnn")).toFile());

    List<String> lines = page.select("#table-head-to-head-mlp-cnn + div tbody tr").eachText();
    assertTrue(lines.stream().anyMatch(line -> line.matches(
        "b256 img/s, onnxruntime 1,000 ±2\\.5% 100 ±2\\.5% mlp")), lines.toString());
  }

  @Test
  void aPairNotOfTwoArchitecturesIsRefused() {
    for (String bad : List.of("cnn", "cnn:", ":cnn", "cnn:cnn", "a:b:c")) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> HeadToHeadSection.Pair.parse(bad), bad);
      assertTrue(error.getMessage().contains("LEFT:RIGHT"), error.getMessage());
    }
    assertEquals(new HeadToHeadSection.Pair("cnn", "secnn"),
        HeadToHeadSection.Pair.parse(" cnn:secnn "));
  }
}
