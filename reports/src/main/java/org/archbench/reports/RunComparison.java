package org.archbench.reports;

import org.archbench.schema.jmh.CostFigures;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.run.RunManifest;
import org.archbench.schema.run.Machine;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.JmhResults;
import org.archbench.schema.stats.Ratio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Several runs of the same models on different machines, side by side: for every architecture x
 * engine, each run's batch-1 p50 latency and batch-256 throughput, and their ratio to the first
 * run. Runs whose dataset or architecture specs differ are refused: their figures would not be of
 * the same models.
 */
public final class RunComparison {

  private RunComparison() {}

  /**
   * Writes the comparison of {@code directories} into {@code out}.
   *
   * @return the written index.html
   * @throws IOException if a run is unreadable, or the runs are not of the same dataset and specs
   */
  public static Path write(List<Path> directories, Path out) throws IOException {
    List<RunResults> runs = new ArrayList<>();
    for (Path directory : directories) {
      runs.add(RunResults.read(directory));
    }
    requireSameModels(runs);
    List<String> labels = distinct(runs.stream().map(HtmlReport::defaultLabel).toList());
    Section section = new Section("comparison", "The same models on " + runs.size() + " machines");
    section.note("Ratios are each run's figure over the first run's ("
        + labels.get(0) + "): above 1 means more images/s, or a slower p50. Each is the ratio of"
        + " the forks' geometric means with Welch's 95% interval on the logs; where the interval"
        + " covers 1 it reads no detectable difference.");
    section.table(table(runs, labels));
    Section provenance = new Section("runs", "The runs");
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      rows.add(java.util.Arrays.asList(labels.get(r),
          runs.get(r).directory().toAbsolutePath().normalize().toString(),
          runs.get(r).run().map(RunManifest::machine).map(Machine::cpu).orElse(null)));
    }
    provenance.table(new Table("runs", "Run directories", List.of(Table.Column.text("label", "Run"),
        Table.Column.text("directory", "Directory"), Table.Column.text("cpu", "CPU")), rows));
    return HtmlReport.writePage(out, String.join(" vs ", labels), String.join(", ",
            directories.stream().map(d -> d.toAbsolutePath().normalize().toString()).toList()),
        List.of(section, provenance));
  }

  /**
   * {@code labels} with every repeat numbered ("host: CPU (2)"): two runs of one machine, or of two
   * machines that read alike, must not share a column header.
   */
  static List<String> distinct(List<String> labels) {
    List<String> distinct = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String label : labels) {
      int count = seen.merge(label, 1, Integer::sum);
      boolean repeated = Collections.frequency(labels, label) > 1;
      distinct.add(repeated ? label + " (" + count + ")" : label);
    }
    return distinct;
  }

  /** {@code figure} over {@code first}'s, over their forks; null where either is missing. */
  private static Ratio ratio(Estimate figure, Estimate first) {
    return figure == null || first == null
        ? null : Ratio.of(figure.forkValues(), first.forkValues());
  }

  private static Table table(List<RunResults> runs, List<String> labels) {
    List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.text("arch", "Architecture"),
        Table.Column.text("engine", "Engine")));
    for (int r = 0; r < runs.size(); r++) {
      String label = labels.get(r);
      columns.add(Table.Column.estimate("p50_us_" + r, label + ": b1 p50 us", "%.1f"));
      columns.add(Table.Column.estimate("b256_images_per_s_" + r, label + ": b256 img/s",
          "%,.0f"));
      if (r > 0) {
        columns.add(Table.Column.ratio("p50_ratio_" + r, label + ": p50 ratio"));
        columns.add(Table.Column.ratio("b256_ratio_" + r, label + ": b256 ratio"));
      }
    }
    Set<String> archs = new LinkedHashSet<>();
    Set<String> engines = new LinkedHashSet<>();
    runs.forEach(run -> {
      archs.addAll(run.archs());
      engines.addAll(run.engines());
    });
    List<List<Object>> rows = new ArrayList<>();
    for (String arch : archs) {
      for (String engine : engines) {
        Map<String, String> key = Map.of("engine", engine, "arch", arch);
        List<Object> row = new ArrayList<>(List.of(arch, engine));
        Estimate firstP50 = null;
        Estimate firstThroughput = null;
        boolean any = false;
        for (int r = 0; r < runs.size(); r++) {
          Optional<JmhResults> jmh = runs.get(r).jmh();
          Estimate p50 = jmh.map(j -> CostFigures.percentile(
              j.find("LatencyBenchmark.batch001", key), 0.5)).orElse(null);
          Estimate throughput = jmh.map(j -> CostFigures.mean(
              j, "ThroughputBenchmark.batch256", key)).orElse(null);
          any |= p50 != null || throughput != null;
          row.add(p50);
          row.add(throughput);
          if (r == 0) {
            firstP50 = p50;
            firstThroughput = throughput;
          } else {
            row.add(ratio(p50, firstP50));
            row.add(ratio(throughput, firstThroughput));
          }
        }
        if (any) {
          rows.add(row);
        }
      }
    }
    return new Table("comparison", "Latency and throughput per run", columns, rows);
  }

  /** Refuses runs of different datasets or architecture specs, naming the first difference. */
  static void requireSameModels(List<RunResults> runs) throws IOException {
    Map<String, String> first = fingerprints(runs.get(0));
    for (RunResults run : runs.subList(1, runs.size())) {
      Map<String, String> other = fingerprints(run);
      for (Map.Entry<String, String> entry : other.entrySet()) {
        String expected = first.get(entry.getKey());
        if (expected != null && !expected.equals(entry.getValue())) {
          throw new IOException(String.format(
              "cannot compare %s with %s: expected the same %s, found %s and %s. Compare runs of"
                  + " the same trained models (train once, copy models/ to the other machine).",
              runs.get(0).directory(), run.directory(), entry.getKey(), expected, entry.getValue()));
        }
      }
    }
  }

  /** "dataset (ARCH)" and "spec of ARCH" to their hashes, from models/*&#47;key.json, else eval/. */
  private static Map<String, String> fingerprints(RunResults run) throws IOException {
    Map<String, String> fingerprints = new LinkedHashMap<>();
    run.run().map(RunManifest::datasetSha256)
        .ifPresent(dataset -> put(fingerprints, "dataset (run.json)", dataset));
    Path models = new OutputLayout(run.directory()).models();
    if (Files.isDirectory(models)) {
      try (Stream<Path> directories = Files.list(models)) {
        for (Path file : directories.map(d -> d.resolve(OutputLayout.KEY_FILE))
            .filter(Files::isRegularFile).sorted().toList()) {
          TrainingKey key = JsonFiles.read(file, TrainingKey.class);
          put(fingerprints, "dataset (" + key.arch() + ")", key.datasetSha256());
          put(fingerprints, "spec of " + key.arch(), key.specSha256());
        }
      }
    }
    for (Map.Entry<String, EvaluationReport> evaluation : run.evaluations().entrySet()) {
      put(fingerprints, "dataset (" + evaluation.getKey() + ")",
          evaluation.getValue().datasetSha256());
      put(fingerprints, "spec of " + evaluation.getKey(), evaluation.getValue().specSha256());
    }
    return fingerprints;
  }

  private static void put(Map<String, String> fingerprints, String what, String hash) {
    if (hash != null) {
      fingerprints.putIfAbsent(what, hash);
    }
  }
}
