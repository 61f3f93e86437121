package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.NotSupportedPairs;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine that lacks an operator of a model: its cells say so, and check expects no figures. */
class NotSupportedTest {

  @TempDir Path out;
  @TempDir Path runs;

  private static final NotSupported MLP_ON_OPENCV = new NotSupported("mlp", "opencv", "fp32",
      "Einsum", "Can't create layer \"n3\" of type \"Einsum\"");

  private Path runWithAPairLeftOut() throws IOException {
    Path run = Fixtures.copy(runs.resolve("left-out"));
    JsonFiles.write(new OutputLayout(run).jmhNotSupported(),
        new NotSupportedPairs(List.of(MLP_ON_OPENCV)));
    return run;
  }

  @Test
  void theReportShowsThePairAsNotSupportedNeverAsMissing() throws IOException {
    Path index = HtmlReport.write(runWithAPairLeftOut(), out, "fixture machine");
    Document page = Jsoup.parse(index.toFile());

    for (String table : List.of("leaderboard", "engine-costs")) {
      String csv = Files.readString(out.resolve("tables").resolve(table + ".csv"));
      assertTrue(csv.lines().anyMatch(line -> line.contains("mlp")
          && line.contains("not supported by opencv: Einsum")), table + ":\n" + csv);
    }
    assertEquals(1, page.select("table:contains(Einsum)").stream()
        .filter(table -> table.text().contains("The engine's words")).count());
  }

  @Test
  void checkExpectsNoFiguresOfAPairLeftOut() throws IOException {
    Path run = runWithAPairLeftOut();
    Path withoutRecord = Fixtures.copy(runs.resolve("as-is"));

    List<String> problems = RunCheck.of(run, List.of("mlp"), List.of("onnxruntime", "opencv"))
        .problems();
    List<String> unexplained = RunCheck.of(withoutRecord, List.of("mlp"),
        List.of("onnxruntime", "opencv")).problems();

    assertFalse(problems.stream().anyMatch(problem -> problem.contains("opencv")),
        problems.toString());
    assertTrue(unexplained.contains("jmh/figures.json: expected a throughput figure of"
        + " opencv x mlp fp32, found none"), unexplained.toString());
  }
}
