package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.io.Sha256;
import org.archbench.schema.run.RunManifest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

  @TempDir Path out;

  /**
   * The page's structure (sections, headings, tables with their headers and row counts, figures,
   * images, what is missing) against the golden outline; run with -Dgolden.update=true to accept a
   * deliberate change.
   */
  @Test
  void pageStructureMatchesTheGoldenOutline() throws IOException {
    Path index = HtmlReport.write(Fixtures.run(), out, "fixture machine");

    assertEquals(Fixtures.golden("report-outline.txt", outline(Jsoup.parse(index.toFile()))),
        outline(Jsoup.parse(index.toFile())));
  }

  @Test
  void downloadsMatchTheGoldenFiles() throws IOException {
    HtmlReport.write(Fixtures.run(), out, "fixture machine");

    for (String table : List.of("leaderboard.csv", "leaderboard.json", "imbalance-mlp.csv",
        "mcnemar.csv", "training.json", "quantization.csv")) {
      String actual = Files.readString(out.resolve("tables").resolve(table));
      assertEquals(Fixtures.golden("tables/" + table, actual), actual, table);
    }
  }

  @Test
  void everyTableHasBothDownloadsAndEveryLocalLinkResolves() throws IOException {
    Path index = HtmlReport.write(Fixtures.run(), out, "fixture machine");
    Document page = Jsoup.parse(index.toFile());

    int tables = page.select("table").size();
    assertEquals(tables, page.select("a[href$='.csv']").size());
    assertEquals(tables, page.select("a[href$='.json']").size());
    for (Element link : page.select("a[href], img[src]")) {
      String target = link.hasAttr("href") ? link.attr("href") : link.attr("src");
      if (!target.startsWith("#")) {
        assertTrue(Files.isRegularFile(out.resolve(target)), target);
      }
    }
    assertTrue(page.select("script, link[rel=stylesheet], [src^='http']").isEmpty(),
        "self-contained: no script, external stylesheet or remote source");
  }

  /** A published report is served by a web server running as another user. */
  @Test
  void thePageAndEveryDownloadAreReadableByOthers() throws IOException {
    Assumptions.assumeTrue(out.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path index = HtmlReport.write(Fixtures.run(), out, "fixture machine");

    try (var files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertTrue(Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ),
            file + " is " + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      }
    }
    assertTrue(Files.getPosixFilePermissions(index).contains(PosixFilePermission.OTHERS_READ));
  }

  @Test
  void aLabelWithMarkupRendersAsText() throws IOException {
    Path index = HtmlReport.write(Fixtures.run(), out, "<script>alert('x')</script>");
    String html = Files.readString(index);

    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html.substring(0, 2000));
    assertTrue(Jsoup.parse(html).select("script").isEmpty());
    assertEquals("<script>alert('x')</script>",
        Jsoup.parse(html).selectFirst("header strong").text());
  }

  @Test
  void aDirectoryWithoutAResultIsRefused() throws IOException {
    Path empty = Files.createDirectories(out.resolve("empty-run"));

    IOException error =
        assertThrows(IOException.class, () -> HtmlReport.write(empty, out.resolve("report"), null));

    assertTrue(error.getMessage().startsWith(empty + ": expected a run's result files"),
        error.getMessage());
    assertFalse(Files.exists(out.resolve("report")), "no page of nothing");
  }

  @Test
  void aRunOfOneStageRendersEveryOtherSectionAsMissing() throws IOException {
    Path run = Files.createDirectories(out.resolve("training-only/training"));
    Files.copy(Fixtures.run().resolve("training/mlp.json"), run.resolve("mlp.json"));

    Path index = HtmlReport.write(run.getParent(), out.resolve("report"), null);
    Document page = Jsoup.parse(index.toFile());

    assertEquals(List.of("picks", "leaderboard", "quantization", "training", "confusion", "robustness", "imbalance",
        "statistics", "head-to-head", "transfer", "loss", "engines", "environment"),
        page.select("section").eachAttr("id"));
    assertTrue(page.select("p.missing-note").size() >= 7, page.select("p.missing-note").toString());
    assertEquals("training-only", page.selectFirst("header strong").text());
  }

  @Test
  void missingValuesAreShownAsMissingNeverAsZero() throws IOException {
    Path index = HtmlReport.write(Fixtures.run(), out, "fixture machine");
    Document page = Jsoup.parse(index.toFile());

    // cnn has no JMH results in the fixture: its latency cells say so.
    Element cnnRow = page.select("#leaderboard tbody tr").stream()
        .filter(row -> row.child(0).text().equals("cnn")).findFirst().orElseThrow();
    assertEquals("missing", cnnRow.child(11).text());
    assertTrue(cnnRow.child(11).hasClass("missing"));
    String csv = Files.readString(out.resolve("tables/leaderboard.csv"));
    assertTrue(csv.lines().anyMatch(line -> line.startsWith("cnn,fp32,onnxruntime,") && line.contains(",,")));
  }

  @Test
  void runJsonGivesTheLabelTheMachineAndTheWallTimePerStage() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    Map<String, RunManifest.StageRecord> stages = new LinkedHashMap<>();
    stages.put("train", Fixtures.stage("complete", 812.25, "t1"));
    stages.put("evaluate", Fixtures.stage("failed", 3.5, "t2"));
    JsonFiles.write(run.resolve("run.json"), Fixtures.runManifest(null, stages));

    Document page = Jsoup.parse(HtmlReport.write(run, out.resolve("report"), null).toFile());

    assertEquals("build-7: AMD EPYC 7B13, 2 cores, AVX2", page.selectFirst("header strong").text());
    assertTrue(page.select("#environment p.missing-note").isEmpty());
    assertTrue(page.select("#environment td").eachText().containsAll(
        List.of("machine.cpu", "AMD EPYC 7B13", "machine.host", "build-7",
            "machine.instructionSets", "AVX2, FMA", "machine.cpuMhz", "2450", "machine.kernel",
            "6.1", "preset", "quick")));
    assertEquals(List.of("train complete 812.3 t1", "evaluate failed 3.5 t2"),
        page.select("#table-stages + div tbody tr").eachText());
  }

  /** One impossible figure used to end the report with "Must be finite." and no page. */
  @Test
  void impossibleValuesAreNamedAtTheTopAndTheRestOfThePageRenders() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    Path eval = run.resolve("eval/cnn.json");
    Files.writeString(eval, Files.readString(eval)
        .replaceFirst("\"accuracy\" : [0-9.]+", "\"accuracy\" : 1.0E308"));
    Path figures = run.resolve("jmh/figures.json");
    Files.writeString(figures, Files.readString(figures)
        .replaceFirst("\"value\" : [0-9.E]+", "\"value\" : 1.0E308"));

    Path index = HtmlReport.write(run, out.resolve("report"), null);
    Document page = Jsoup.parse(index.toFile());

    List<String> problems = page.select("#problems .problem-note").eachText();
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("Invalid: eval/cnn.json: engines[")
        && p.endsWith(".accuracy is 1.0E308, expected a share in [0, 1]")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("Invalid: jmh/figures.json: ")
        && p.contains("mean is 1.0E308, expected a value from 0 to 1e15")), problems.toString());
    assertEquals("problems", page.select("section").first().id(), "the box comes first");
    assertEquals(14, page.select("section").size(), "every other section still renders");
    assertTrue(page.select("#leaderboard figure svg").size() >= 1, "charts of the other points");

    List<String> checked = RunCheck.of(run, List.of("mlp", "cnn"), List.of("onnxruntime"))
        .problems();
    assertTrue(checked.stream().anyMatch(p -> p.startsWith("eval/cnn.json: engines[")
        && p.endsWith(".accuracy is 1.0E308, expected a share in [0, 1]")), checked.toString());
  }

  @Test
  void aResultFileThatDoesNotParseIsNamed() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    Files.writeString(run.resolve("eval/cnn.json"), "{ truncated");

    IOException error =
        assertThrows(IOException.class, () -> HtmlReport.write(run, out.resolve("report"), null));

    assertTrue(error.getMessage().startsWith(run.resolve("eval/cnn.json")
        + ": expected a JSON result file, found a file that does not parse"), error.getMessage());
  }

  @Test
  void aDriftedMachineIsWarnedOfAtTheTopAndItsCalibrationsListed() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    Path stability = run.resolve("jmh/stability.json");
    Files.writeString(stability, Files.readString(stability)
        .replace("\"gflops\" : 84.0", "\"gflops\" : 99.0")
        .replace("\"drift\" : 0.02527075812274368", "\"drift\" : 0.2078"));

    Document page = Jsoup.parse(HtmlReport.write(run, out.resolve("report"), null).toFile());

    assertEquals("warnings", page.select("section").first().id(), "the warning comes first");
    assertTrue(page.select("#warnings .problem-note").text().startsWith("Warning: The machine's speed"
        + " drifted: the anchor GEMM moved 21% between blocks (limit 10%)"), page.select("#warnings").text());
    assertEquals(List.of("before 83.1", "after round 1 81.9", "after round 2 99.0"),
        page.select("#table-stability + div tbody tr").eachText());
    assertEquals(List.of("1 61.2 4.00", "2 60.8 11.00"),
        page.select("#table-rounds + div tbody tr").eachText());
    assertTrue(Jsoup.parse(HtmlReport.write(Fixtures.run(), out.resolve("steady"), null).toFile())
        .select("#warnings").isEmpty(), "a steady machine has no warning");
  }

  @Test
  void aSmokeRunSaysItsFiguresAreNotMeasurements() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    JsonFiles.write(run.resolve("run.json"), Fixtures.runManifest(null, new LinkedHashMap<>()));
    Path manifest = run.resolve("run.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"quick\"", "\"smoke\""));

    Document page = Jsoup.parse(HtmlReport.write(run, out.resolve("report"), null).toFile());

    assertEquals("warnings", page.select("section").first().id());
    assertTrue(page.select("#warnings .problem-note").text().contains("This is a smoke run"),
        page.select("#warnings").text());
  }

  @Test
  void aReportThatFailsHalfWayLeavesTheEarlierOneWholeAndNothingElse() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    Path report = run.resolve("report");
    HtmlReport.write(run, report, null);
    Map<String, String> before = contents(report);
    // A name the file system takes for eval/<arch>.json, and refuses in a table download's name.
    String arch = "a".repeat(240);
    Files.writeString(run.resolve("eval/" + arch + ".json"), Files.readString(
        run.resolve("eval/mlp.json")).replace("\"arch\" : \"mlp\"", "\"arch\" : \"" + arch + "\""));

    IOException error = assertThrows(IOException.class, () -> HtmlReport.write(run, report, null));

    assertTrue(error.getMessage().contains("File name too long"), error.getMessage());
    assertEquals(before, contents(report), "the earlier report, whole");
    try (var left = Files.list(run)) {
      assertEquals(List.of(), left.map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith(".")).toList(), "no staging directory left");
    }
  }

  @Test
  void aReportIsRenamedIntoPlaceWholeOverTheEarlierOne() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    Path report = run.resolve("report");
    HtmlReport.write(run, report, "first");
    Files.writeString(report.resolve("tables/gone.csv"), "a table the next report does not have");

    Path index = HtmlReport.write(run, report, "second");

    assertEquals(report.resolve(OutputLayout.REPORT_PAGE), index);
    assertTrue(Jsoup.parse(index.toFile()).title().contains("second"));
    assertFalse(Files.exists(report.resolve("tables/gone.csv")), "nothing of the earlier one");
    try (var left = Files.list(run)) {
      assertEquals(List.of(), left.map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith(".")).toList(), "no staging directory left");
    }
  }

  @Test
  void aReportDirectoryHoldingOtherFilesIsRefusedUntouched() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    Path site = Files.createDirectories(out.resolve("site"));
    Files.writeString(site.resolve("notes.md"), "the user's own file");

    IOException error = assertThrows(IOException.class, () -> HtmlReport.write(run, site, null));

    assertEquals(site + ": expected a directory holding an earlier report (index.html, tables/,"
        + " assets/, profiles/) or nothing, found also [notes.md]. Choose another --out, or move"
        + " those away", error.getMessage());
    assertEquals(List.of("notes.md"), Files.list(site).map(p -> p.getFileName().toString())
        .toList());
  }

  /** Every file under {@code directory} by its relative path, with its content. */
  private static Map<String, String> contents(Path directory) throws IOException {
    Map<String, String> contents = new java.util.TreeMap<>();
    try (var files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(directory.relativize(file).toString(),
            Sha256.hex(file));
      }
    }
    return contents;
  }

  @Test
  void resultsOfAModelExportedAgainAreNamedAndLeftOutOfTheTables() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    Files.writeString(run.resolve("models/cnn/cnn.onnx"), "the export of a model trained again");

    Document page = Jsoup.parse(HtmlReport.write(run, out.resolve("report"), null).toFile());

    assertEquals("stale", page.select("section").first().id(), "named first");
    List<String> warnings = page.select("#stale .problem-note").eachText();
    assertTrue(warnings.contains("Warning: stale: models/cnn/cnn.onnx changed after eval/cnn.json"
        + " was written; run evaluate again"), warnings.toString());
    assertTrue(warnings.contains("Warning: stale: models/cnn/cnn.onnx changed after stats.json was"
        + " written; run stats again"), warnings.toString());
    String leaderboard = Files.readString(out.resolve("report/tables/leaderboard.csv"));
    assertFalse(leaderboard.lines().anyMatch(row -> row.startsWith("cnn,fp32,onnxruntime,0.")),
        "no accuracy of the earlier model: " + leaderboard);
    assertTrue(leaderboard.lines().anyMatch(row -> row.startsWith("cnn,fp32,pytorch,0.")),
        "pytorch loaded the DJL parameters, which did not change: " + leaderboard);
  }

  @Test
  void benchmarksOfAModelExportedAgainAreNamedAndLeftOut() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    Files.writeString(run.resolve("models/mlp/mlp.int8.onnx"), "a new int8 export");

    Document page = Jsoup.parse(HtmlReport.write(run, out.resolve("report"), null).toFile());

    assertTrue(page.select("#stale .problem-note").eachText().contains("Warning: stale:"
        + " models/mlp/mlp.int8.onnx changed after jmh/figures.json was written; run bench again"),
        page.select("#stale").text());
    JsonNode leaderboard = JsonFiles.mapper().readTree(
        out.resolve("report/tables/leaderboard.json").toFile());
    for (JsonNode row : leaderboard) {
      assertFalse(row.path("variant").asText().equals("int8"), "no int8 figure: " + row);
      if (row.path("engine").asText().equals("onnxruntime")
          && row.path("arch").asText().equals("mlp")) {
        assertEquals(16.864, row.path("p50_us").path("value").asDouble(),
            "the float32 model's latency stays: its file did not change");
      }
    }
  }

  @Test
  void aRunCopiedWithoutItsModelsIsShownAndSaysItCannotBeChecked() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    AtomicFiles.deleteRecursively(run.resolve("models"));

    Document page = Jsoup.parse(HtmlReport.write(run, out.resolve("report"), null).toFile());

    assertTrue(page.select("#stale p").eachText().contains("eval/cnn.json: the model it measured"
        + " is in models/cnn/, which this run does not hold (copied without its models?), so it"
        + " cannot be checked against it; its figures are shown as they are."),
        page.select("#stale").text());
    assertTrue(page.select("#stale .problem-note").isEmpty(), "nothing called stale");
    assertEquals(Files.readString(Path.of("src/test/resources/golden/tables/leaderboard.csv")),
        Files.readString(out.resolve("report/tables/leaderboard.csv")), "every figure shown");
  }

  @Test
  void resultsThatRecordNoModelSayNotRecorded() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    Path robustness = run.resolve("robustness/mlp.json");
    ObjectNode older = (ObjectNode) JsonFiles.mapper().readTree(robustness.toFile());
    older.remove("model");
    Files.writeString(robustness, JsonFiles.mapper().writeValueAsString(older));

    Document page = Jsoup.parse(HtmlReport.write(run, out.resolve("report"), null).toFile());

    assertEquals(List.of("robustness/mlp.json: the model it measured is not recorded (an older"
            + " archbench wrote it), so it cannot be checked against the model in the run; its"
            + " figures are shown as they are."),
        page.select("#stale p").eachText());
    assertTrue(page.select("#robustness").text().contains("mlp"));
  }

  /** One line per structural element of the page. */
  static String outline(Document page) {
    StringBuilder outline = new StringBuilder();
    for (Element section : page.select("section")) {
      outline.append("section ").append(section.id()).append(": ")
          .append(section.selectFirst("h2").text()).append('\n');
      for (Element missing : section.select("p.missing-note")) {
        outline.append("  ").append(missing.text()).append('\n');
      }
      for (Element table : section.select("table")) {
        outline.append("  table ").append(table.parent().previousElementSibling().text())
            .append(" | ").append(String.join(" | ", table.select("thead th").eachText()))
            .append(" | rows ").append(table.select("tbody tr").size()).append('\n');
      }
      outline.append("  figures ").append(section.select("figure svg").size())
          .append(", images ").append(section.select("img").size())
          .append(", links ").append(section.select("ul.links a").size()).append('\n');
    }
    return outline.toString();
  }
}
