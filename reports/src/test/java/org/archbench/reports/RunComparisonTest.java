package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Optional;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.ConfigurationParams;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.FigureKind;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {

  @TempDir Path directory;

  @Test
  void putsTheSameModelsOnTwoMachinesSideBySideWithRatios() throws IOException {
    Path laptop = Fixtures.copy(directory.resolve("laptop"));
    Path server = Fixtures.copy(directory.resolve("server"));

    Path index = RunComparison.write(List.of(laptop, server), directory.resolve("comparison"));

    Document page = Jsoup.parse(index.toFile());
    assertEquals("archbench report: laptop vs server", page.title());
    assertEquals(List.of("b1 img/s per run", "b256 img/s per run", "b1 p50 us per run",
        "b1 p99 us per run", "peak RSS MiB (b256) per run",
        "engine start ms per run"), page.select("#comparison h3").eachText(),
        "a table per figure the fixture measured");
    assertEquals(List.of("Architecture", "Engine", "laptop", "server", "server: ratio"),
        page.select("#table-comparison-b256-images-per-s + div thead th").eachText());
    String csv = Files.readString(
        directory.resolve("comparison/tables/comparison-b256-images-per-s.csv"));
    // One fork per figure in the fixture: a ratio of 1, no interval, too few samples.
    assertTrue(csv.lines().anyMatch(line -> line.startsWith("mlp,onnxruntime,")
        && line.endsWith(",1.0,,,too few samples")), csv);
    assertTrue(page.select("#comparison figure").isEmpty(), "no interval, no chart");
  }

  @Test
  void aRunsFiguresOfAModelExportedAgainAreLeftOutSayingSo() throws IOException {
    Path laptop = Fixtures.copy(directory.resolve("laptop"));
    Path server = Fixtures.copy(directory.resolve("server"));
    Files.writeString(server.resolve("models/mlp/mlp.onnx"), "a new float32 export");

    Path index = RunComparison.write(List.of(laptop, server), directory.resolve("comparison"));

    Document page = Jsoup.parse(index.toFile());
    assertTrue(page.select("#comparison .problem-note").eachText().contains("Warning: " + server
        + ": stale: models/mlp/mlp.onnx changed after jmh/figures.json was written; run bench"
        + " again (its figures are left out)"), page.select("#comparison").text());
    String csv = Files.readString(
        directory.resolve("comparison/tables/comparison-b256-images-per-s.csv"));
    assertTrue(csv.lines().anyMatch(line -> line.matches("mlp,onnxruntime,[0-9.]+,.*")
        && line.endsWith(",,,,,")), "the laptop's figure, no server figure, no ratio: " + csv);
  }

  @Test
  void eachRunCanBeLabelledAndEveryFigureGetsARatioChart() throws IOException {
    Path first = Fixtures.copy(directory.resolve("first"));
    Path second = Fixtures.copy(directory.resolve("second"));
    // Three forks of batch 256 in each run, the second's twice as fast.
    for (Path run : List.of(first, second)) {
      double scale = run == first ? 1 : 2;
      Fixtures.editFigures(run, figures -> Fixtures.with(figures, figures.figures().stream()
          .map(figure -> figure.measure().equals(Optional.of(CostMeasure.BATCH_256_THROUGHPUT))
              && figure.figure().equals(FigureKind.MEAN.id())
              ? Fixtures.with(figure, figure.params(), Estimate.of(
                  new double[] {1000 * scale, 1010 * scale, 990 * scale}, 3, 0, 0.03))
              : figure).toList(), figures.comparisons()));
    }

    Document page = Jsoup.parse(RunComparison.write(List.of(first, second),
        List.of("AVX-512 host", "AVX2 host"), directory.resolve("comparison")).toFile());

    assertEquals("archbench report: AVX-512 host vs AVX2 host", page.title());
    assertTrue(page.select("#table-comparison-b256-images-per-s + div tbody tr").first().text()
        .contains("2.00 [1.9"), page.select("#table-comparison-b256-images-per-s + div").text());
    assertEquals(1, page.select("#comparison figure").size(), "a chart where ratios have intervals");
    assertThrows(IllegalArgumentException.class, () -> RunComparison.write(List.of(first, second),
        List.of("only one"), directory.resolve("comparison")));
  }

  @Test
  void theMachineRelativeFiguresCompareHowAConfigurationFaresAgainstTheAnchor() throws IOException {
    Path first = Fixtures.copy(directory.resolve("first"));
    Path second = Fixtures.copy(directory.resolve("second"));
    // The second machine is twice as fast at everything: its images/s double, and so does its
    // anchor, so that per anchor GFLOP the same model on the same engine fares alike.
    Map<String, String> mlp = ConfigurationParams.float32("onnxruntime", "mlp");
    for (Path run : List.of(first, second)) {
      Fixtures.editFigures(run, figures -> {
        List<FigureEstimates.Figure> anchored = new ArrayList<>(figures.figures());
        anchored.add(new FigureEstimates.Figure("ThroughputBenchmark.batch256", mlp, "anchored",
            "per anchor GFLOP", Estimate.of(new double[] {50, 51, 49, 50}, 4, 0, 0.03)));
        return Fixtures.with(figures, anchored, figures.comparisons());
      });
    }

    Document page = Jsoup.parse(RunComparison.write(List.of(first, second),
        List.of("one", "two"), directory.resolve("comparison")).toFile());

    String table = "#table-comparison-b256-per-anchor-gflop + div";
    assertEquals("b256 images per anchor GFLOP (machine-relative) per run",
        page.select(table).prev().text());
    assertTrue(page.select(table + " tbody tr").first().text().startsWith("mlp onnxruntime 50.0"),
        page.select(table).text());
    assertTrue(page.select(table + " tbody tr").first().text().contains("1.00 ["),
        page.select(table).text());
  }

  @Test
  void twoRunsThatReadAlikeGetDistinctLabels() {
    assertEquals(List.of("host: EPYC (1)", "other: EPYC", "host: EPYC (2)"),
        RunComparison.distinct(List.of("host: EPYC", "other: EPYC", "host: EPYC")));
  }

  @Test
  void runsOfAnotherDatasetAreRefused() throws IOException {
    Path first = Fixtures.copy(directory.resolve("first"));
    Path other = Fixtures.copy(directory.resolve("other"));
    Path key = other.resolve("models/mlp/key.json");
    String original = Files.readString(key);
    String hash = original.replaceAll("(?s).*\"datasetSha256\" : \"([0-9a-f]+)\".*", "$1");
    Files.writeString(key, original.replace(hash, "0".repeat(64)));

    IOException error = assertThrows(IOException.class,
        () -> RunComparison.write(List.of(first, other), directory.resolve("comparison")));

    assertEquals("cannot compare " + first + " with " + other + ": expected the same dataset (mlp),"
        + " found " + hash + " and " + "0".repeat(64) + ". Compare runs of the same trained models"
        + " (train once, copy models/ to the other machine).", error.getMessage());
  }

  @Test
  void runsWhoseRunJsonNamesAnotherDatasetAreRefused() throws IOException {
    Path first = Fixtures.copy(directory.resolve("first"));
    Path other = Fixtures.copy(directory.resolve("other"));
    for (Path run : List.of(first, other)) {
      JsonFiles.write(run.resolve("run.json"),
          Fixtures.runManifest((run == first ? "a" : "b").repeat(64), Map.of()));
    }

    IOException error = assertThrows(IOException.class,
        () -> RunComparison.write(List.of(first, other), directory.resolve("comparison")));

    assertTrue(error.getMessage().startsWith("cannot compare " + first + " with " + other
        + ": expected the same dataset (run.json), found " + "a".repeat(64) + " and "),
        error.getMessage());
  }

  @Test
  void aRunComparedWithItselfIsRefused() throws IOException {
    Path run = Fixtures.copy(directory.resolve("run"));

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> RunComparison.write(List.of(run, run.resolve("../run")),
            directory.resolve("comparison")));

    assertEquals("expected different runs to compare, found " + run.toRealPath() + " named twice"
        + " (as " + run + " and " + run.resolve("../run") + "): a run compared with itself tells"
        + " nothing about the machines. Name each run once.", error.getMessage());
    assertTrue(Files.notExists(directory.resolve("comparison")), "nothing written");
  }

  @Test
  void runsOfDifferentPresetsAreSaidSoFirstAndASmokeRunKeepsItsWarning() throws IOException {
    Path quick = Fixtures.copy(directory.resolve("quick"));
    Path smoke = Fixtures.copy(directory.resolve("smoke"));
    for (Path run : List.of(quick, smoke)) {
      JsonFiles.write(run.resolve("run.json"), Fixtures.runManifest(null, Map.of()));
    }
    Path manifest = smoke.resolve("run.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"quick\"", "\"smoke\""));

    Document page = Jsoup.parse(RunComparison.write(List.of(quick, smoke), List.of("a", "b"),
        directory.resolve("comparison")).toFile());

    assertEquals("warnings", page.select("section").first().id(), "at the top");
    assertEquals(List.of("Warning: These runs are of different presets (a: quick, b: smoke): each"
            + " preset measures with its own forks and iterations, so a ratio between them is of"
            + " the presets as much as of the machines.",
        "Warning: b is a smoke run: it proves that every stage runs; its figures are not"
            + " measurements, and neither is any ratio to them."),
        page.select("#warnings .problem-note").eachText());
  }

  @Test
  void runsOfOnePresetHaveNoPresetWarning() throws IOException {
    Path first = Fixtures.copy(directory.resolve("first"));
    Path second = Fixtures.copy(directory.resolve("second"));
    for (Path run : List.of(first, second)) {
      JsonFiles.write(run.resolve("run.json"), Fixtures.runManifest(null, Map.of()));
    }

    Document page = Jsoup.parse(RunComparison.write(List.of(first, second), List.of("a", "b"),
        directory.resolve("comparison")).toFile());

    assertTrue(page.select("#warnings").isEmpty(), page.select("#warnings").text());
  }

  @Test
  void anEmptyDirectoryAmongTheRunsIsRefused() throws IOException {
    Path first = Fixtures.copy(directory.resolve("first"));
    Path empty = Files.createDirectories(directory.resolve("empty"));

    IOException error = assertThrows(IOException.class,
        () -> RunComparison.write(List.of(first, empty), directory.resolve("comparison")));

    assertTrue(error.getMessage().startsWith(empty + ": expected a run's result files"),
        error.getMessage());
  }
}
