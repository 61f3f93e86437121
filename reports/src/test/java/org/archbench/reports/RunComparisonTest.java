package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.archbench.schema.io.JsonFiles;
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
    List<String> header = page.select("#comparison thead th").eachText();
    assertEquals(List.of("Architecture", "Engine", "laptop: b1 p50 us", "laptop: b256 img/s",
        "server: b1 p50 us", "server: b256 img/s", "server: p50 ratio", "server: b256 ratio"),
        header);
    String csv = Files.readString(directory.resolve("comparison/tables/comparison.csv"));
    // One fork per figure in the fixture: a ratio of 1, no interval, too few samples.
    assertTrue(csv.lines().anyMatch(line -> line.startsWith("mlp,onnxruntime,")
        && line.endsWith(",1.0,,,too few samples,1.0,,,too few samples")), csv);
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
  void anEmptyDirectoryAmongTheRunsIsRefused() throws IOException {
    Path first = Fixtures.copy(directory.resolve("first"));
    Path empty = Files.createDirectories(directory.resolve("empty"));

    IOException error = assertThrows(IOException.class,
        () -> RunComparison.write(List.of(first, empty), directory.resolve("comparison")));

    assertTrue(error.getMessage().startsWith(empty + ": expected a run's result files"),
        error.getMessage());
  }
}
