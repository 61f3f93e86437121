package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.archbench.schema.io.JsonFiles;
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
    Path jmh = run.resolve("jmh/results.json");
    ArrayNode records = (ArrayNode) JsonFiles.mapper().readTree(jmh.toFile());
    for (JsonNode record : List.copyOf(records.findParents("benchmark"))) {
      if (record.path("benchmark").asText().endsWith("ThroughputBenchmark.batch256")
          && record.path("params").path("arch").asText().equals("mlp")) {
        ((ObjectNode) record.path("primaryMetric")).set("rawData",
            JsonFiles.mapper().readTree("[[1000], [1010], [990]]"));
        ObjectNode cnn = record.deepCopy();
        ((ObjectNode) cnn.path("params")).put("arch", "cnn");
        ((ObjectNode) cnn.path("primaryMetric")).set("rawData",
            JsonFiles.mapper().readTree("[[100], [101], [99]]"));
        records.add(cnn);
      }
    }
    Files.write(jmh, JsonFiles.mapper().writeValueAsBytes(records));

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
