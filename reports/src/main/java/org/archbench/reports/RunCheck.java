package org.archbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Checks that a finished bench run left every result file DESIGN.md's layout promises, for every
 * architecture and engine, and that each one parses: JSON with Jackson, CSV with Commons CSV, the
 * report with jsoup. CI runs it after the smoke pipeline ({@code archbench check}); a user can run
 * it on a run copied from another machine before merging it.
 */
public final class RunCheck {

  /** Rows of a predictions file: one per official test image. */
  static final int TEST_IMAGES = 10_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path run;
  private final List<String> problems = new ArrayList<>();
  private int filesChecked;

  private RunCheck(Path run) {
    this.run = run;
  }

  /** What a check found: the files it read, and what is missing or wrong (empty if nothing). */
  public record Result(int filesChecked, List<String> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /** Checks {@code run} for {@code archs} on {@code engines}. */
  public static Result of(Path run, List<String> archs, List<String> engines) {
    RunCheck check = new RunCheck(run);
    check.runManifest();
    for (String arch : archs) {
      check.nonEmpty("models/" + arch + "/" + arch + ".onnx");
      for (String file : List.of("training/", "eval/", "robustness/", "imbalance/")) {
        check.archJson(file + arch + ".json", arch);
      }
      for (String engine : engines) {
        check.predictions("eval/" + arch + "." + engine + ".predictions.csv");
      }
    }
    check.json("stats.json");
    check.jmh(archs, engines);
    check.report();
    return new Result(check.filesChecked, List.copyOf(check.problems));
  }

  /** run.json, with every stage it records complete. */
  private void runManifest() {
    JsonNode manifest = json("run.json");
    if (manifest == null) {
      return;
    }
    if (manifest.path("stages").isEmpty()) {
      problems.add("run.json: expected the stages of the run, found none");
    }
    manifest.path("stages").fields().forEachRemaining(stage -> {
      String status = stage.getValue().path("status").asText();
      if (!status.equals("complete")) {
        problems.add("run.json: expected stage " + stage.getKey() + " complete, found " + status);
      }
    });
  }

  private void archJson(String file, String arch) {
    JsonNode node = json(file);
    if (node != null && !node.path("arch").asText().equals(arch)) {
      problems.add(file + ": expected the results of " + arch + ", found arch '"
          + node.path("arch").asText() + "'");
    }
  }

  /** The JMH results hold a throughput record of every engine x architecture. */
  private void jmh(List<String> archs, List<String> engines) {
    JsonNode records = json("jmh/results.json");
    if (records == null) {
      return;
    }
    for (String arch : archs) {
      for (String engine : engines) {
        boolean found = false;
        for (JsonNode record : records) {
          JsonNode params = record.path("params");
          found |= record.path("benchmark").asText().contains("ThroughputBenchmark")
              && params.path("arch").asText().equals(arch)
              && params.path("engine").asText().equals(engine);
        }
        if (!found) {
          problems.add("jmh/results.json: expected a ThroughputBenchmark record of " + engine
              + " x " + arch + ", found none");
        }
      }
    }
  }

  /** The page parses and has its title; every table download parses. */
  private void report() {
    Path page = run.resolve("report/index.html");
    if (!exists("report/index.html")) {
      return;
    }
    try {
      Document document = Jsoup.parse(page.toFile());
      filesChecked++;
      if (document.title().isBlank() || document.select("section").isEmpty()) {
        problems.add("report/index.html: expected a titled page with sections, found title '"
            + document.title() + "' and " + document.select("section").size() + " sections");
      }
    } catch (IOException e) {
      problems.add("report/index.html: unreadable: " + e.getMessage());
    }
    try (Stream<Path> tables = Files.list(run.resolve("report/tables"))) {
      for (Path table : tables.sorted().toList()) {
        String name = "report/tables/" + table.getFileName();
        if (name.endsWith(".json")) {
          json(name);
        } else if (name.endsWith(".csv")) {
          csv(name);
        }
      }
    } catch (IOException e) {
      problems.add("report/tables: expected the table downloads, found " + e.getMessage());
    }
  }

  private void predictions(String file) {
    List<CSVRecord> rows = csv(file);
    if (rows != null && rows.size() != TEST_IMAGES) {
      problems.add(file + ": expected " + TEST_IMAGES + " rows, found " + rows.size());
    }
  }

  private JsonNode json(String file) {
    if (!exists(file)) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(run.resolve(file).toFile());
      filesChecked++;
      return node;
    } catch (IOException e) {
      problems.add(file + ": expected JSON, found " + e.getMessage());
      return null;
    }
  }

  private List<CSVRecord> csv(String file) {
    if (!exists(file)) {
      return null;
    }
    try (Reader reader = Files.newBufferedReader(run.resolve(file));
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
      List<CSVRecord> records = parser.getRecords();
      filesChecked++;
      return records;
    } catch (IOException | RuntimeException e) {
      problems.add(file + ": expected CSV with a header row, found " + e.getMessage());
      return null;
    }
  }

  private void nonEmpty(String file) {
    try {
      if (exists(file) && Files.size(run.resolve(file)) == 0) {
        problems.add(file + ": expected a model, found an empty file");
      } else if (Files.isRegularFile(run.resolve(file))) {
        filesChecked++;
      }
    } catch (IOException e) {
      problems.add(file + ": unreadable: " + e.getMessage());
    }
  }

  private boolean exists(String file) {
    if (Files.isRegularFile(run.resolve(file))) {
      return true;
    }
    problems.add(file + ": expected this result file, found no such file");
    return false;
  }
}
