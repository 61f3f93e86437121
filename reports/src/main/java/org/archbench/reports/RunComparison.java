package org.archbench.reports;

import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.run.RunManifest;
import org.archbench.schema.run.Machine;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.jmh.ConfigurationParams;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureKind;
import org.archbench.schema.stats.Ratio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Several runs of the same models on different machines, side by side: for every figure a user
 * compares machines by (throughput at each batch, batch-1 p50 and p99, peak RSS, cold start), a
 * table of each run's estimate and its ratio to the first run with the ratio's 95% interval, and a
 * chart of those intervals. Runs whose dataset or architecture specs differ are refused: their
 * figures would not be of the same models.
 */
public final class RunComparison {

  /**
   * A figure compared across runs.
   *
   * @param key the tables' id and the columns' key, file-name safe
   * @param label what the columns call it
   * @param format its values' format
   * @param measure the cost question it answers
   * @param kind which of its figures: the mean, a percentile, the machine-relative figure, ...
   */
  private record Figure(String key, String label, String format, CostMeasure measure,
      FigureKind kind) {

    /** Its estimate in {@code run} for one architecture x engine; null where it has none. */
    Estimate read(RunResults run, Map<String, String> params) {
      return run.cost(measure, params, kind);
    }
  }

  /**
   * The machine-relative figures ({@link FigureKind#ANCHORED}) take each block's figure against
   * the anchor GEMM's speed in the same block, so that what differs between two machines is how
   * the configuration fares against a plain GEMM on each, not their speed.
   */
  private static final List<Figure> FIGURES = List.of(
      new Figure("b1_images_per_s", "b1 img/s", "%,.0f", CostMeasure.BATCH_ONE_LATENCY,
          FigureKind.RATE),
      new Figure("b32_images_per_s", "b32 img/s", "%,.0f", CostMeasure.BATCH_32_THROUGHPUT,
          FigureKind.MEAN),
      new Figure("b256_images_per_s", "b256 img/s", "%,.0f", CostMeasure.BATCH_256_THROUGHPUT,
          FigureKind.MEAN),
      new Figure("p50_us", "b1 p50 us", "%.1f", CostMeasure.BATCH_ONE_LATENCY, FigureKind.P50),
      new Figure("p99_us", "b1 p99 us", "%.1f", CostMeasure.BATCH_ONE_LATENCY, FigureKind.P99),
      new Figure("peak_rss_mib", "peak RSS MiB (b256)", "%.0f", CostMeasure.BATCH_256_THROUGHPUT,
          FigureKind.PEAK_RSS),
      new Figure("engine_start_ms", "engine start ms", "%.0f", CostMeasure.ENGINE_START,
          FigureKind.MEAN),
      new Figure("first_inference_ms", "first inference ms", "%.2f", CostMeasure.FIRST_INFERENCE,
          FigureKind.MEAN),
      new Figure("b256_per_anchor_gflop", "b256 images per anchor GFLOP (machine-relative)",
          "%,.1f", CostMeasure.BATCH_256_THROUGHPUT, FigureKind.ANCHORED),
      new Figure("b1_anchor_kflop", "b1 request in anchor kFLOP (machine-relative)", "%,.0f",
          CostMeasure.BATCH_ONE_LATENCY, FigureKind.ANCHORED));

  private RunComparison() {}

  /**
   * Writes the comparison of {@code directories} into {@code out}, each run labelled by its
   * machine (run.json's label: host, CPU, cores, widest vector extension), repeats numbered.
   *
   * @return the written index.html
   * @throws IOException if a run is unreadable, or the runs are not of the same dataset and specs
   */
  public static Path write(List<Path> directories, Path out) throws IOException {
    return write(directories, List.of(), out);
  }

  /**
   * As {@link #write(List, Path)}, each run labelled by {@code labels} in order (empty for their
   * machines'); repeats are numbered.
   *
   * @throws IllegalArgumentException if {@code labels} is neither empty nor one per run
   */
  public static Path write(List<Path> directories, List<String> labels, Path out)
      throws IOException {
    if (!labels.isEmpty() && labels.size() != directories.size()) {
      throw new IllegalArgumentException("expected one --label per run (" + directories.size()
          + "), found " + labels.size() + ": " + labels + ". Give each run its label in the order"
          + " of --runs, or none for their machines'.");
    }
    requireDistinct(directories);
    List<RunResults> runs = new ArrayList<>();
    List<String> staleWarnings = new ArrayList<>();
    for (Path directory : directories) {
      // A run's figures of a model changed since are left out here as in its own report.
      RunResults read = RunResults.read(directory);
      StaleResults stale = StaleResults.of(read);
      stale.stale().forEach(why -> staleWarnings.add(directory + ": " + why
          + " (its figures are left out)"));
      runs.add(stale.current(read));
    }
    requireSameModels(runs);
    List<String> named = distinct(labels.isEmpty()
        ? runs.stream().map(HtmlReport::defaultLabel).toList() : labels);
    Optional<Section> warnings = presetWarnings(runs, named);
    Charts charts = new Charts();
    Section section = new Section("comparison", "The same models on " + runs.size() + " machines");
    section.note("Ratios are each run's figure over the first run's (" + named.get(0) + "): above"
        + " 1 means more images/s, or more time and memory. Each is the ratio of the forks' (or"
        + " blocks') geometric means with Welch's 95% interval on the logs; where the interval"
        + " covers 1 it reads no detectable difference. The machine-relative figures take each"
        + " block's figure against the anchor GEMM's speed in the same block: their ratio is how"
        + " the configuration fares against a plain GEMM on each machine, its speed left out."
        + " Each chart draws the intervals, one bar per architecture and engine, against the line"
        + " at 1.");
    staleWarnings.forEach(section::warning);
    runs.forEach(run -> run.stability().flatMap(stability -> stability.warning())
        .ifPresent(warning -> section.warning(HtmlReport.defaultLabel(run) + ": " + warning)));
    for (Figure figure : FIGURES) {
      Table table = table(runs, named, figure);
      if (table.rows().isEmpty()) {
        continue;
      }
      section.table(table);
      Map<String, Map<String, Ratio>> ratios = ratios(table, named);
      if (ratios.values().stream().anyMatch(run -> !run.isEmpty())) {
        String title = "Ratio to " + named.get(0) + ": " + figure.label();
        section.figure(title, () -> charts.ratios(title + " (95% intervals)", ratios));
      }
    }
    Section provenance = new Section("runs", "The runs");
    List<List<Object>> rows = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      Optional<Machine> machine = runs.get(r).run().map(RunManifest::machine);
      rows.add(java.util.Arrays.asList(named.get(r),
          runs.get(r).directory().toAbsolutePath().normalize().toString(),
          machine.map(Machine::cpu).orElse(null),
          machine.map(m -> String.join(", ", m.instructionSets())).orElse(null),
          machine.map(Machine::cpuMhz).orElse(null),
          machine.map(Machine::kernel).orElse(null),
          runs.get(r).stability().map(stability -> stability.drift()).orElse(null)));
    }
    provenance.table(new Table("runs", "Run directories", List.of(Table.Column.text("label", "Run"),
        Table.Column.text("directory", "Directory"), Table.Column.text("cpu", "CPU"),
        Table.Column.text("instruction_sets", "Instruction sets"),
        Table.Column.number("cpu_mhz", "MHz", "%.0f"), Table.Column.text("kernel", "Kernel"),
        Table.Column.percentDifference("drift", "Calibration drift %")), rows));
    List<Section> sections = warnings.isPresent() ? List.of(warnings.get(), section, provenance)
        : List.of(section, provenance);
    return StagedReport.write(out, directory -> HtmlReport.writePage(directory,
        String.join(" vs ", named), String.join(", ",
            directories.stream().map(d -> d.toAbsolutePath().normalize().toString()).toList()),
        sections));
  }

  /**
   * Refuses a run named twice (by two spellings of one directory, too): compared with itself it
   * shows nothing about machines, and reads as a measured "no difference".
   *
   * @throws IllegalArgumentException naming the run
   */
  static void requireDistinct(List<Path> directories) throws IOException {
    Map<Path, Path> seen = new HashMap<>();
    for (Path directory : directories) {
      Path real = Files.exists(directory) ? directory.toRealPath()
          : directory.toAbsolutePath().normalize();
      Path earlier = seen.putIfAbsent(real, directory);
      if (earlier != null) {
        throw new IllegalArgumentException("expected different runs to compare, found " + real
            + " named twice (as " + earlier + " and " + directory + "): a run compared with"
            + " itself tells nothing about the machines. Name each run once.");
      }
    }
  }

  /**
   * What the reader must know before reading any ratio: the runs were measured with different
   * presets (forks and iterations differ, so a ratio mixes the budget with the machine), and which
   * runs are smoke runs, whose figures are not measurements.
   */
  static Optional<Section> presetWarnings(List<RunResults> runs, List<String> labels) {
    Section section = new Section("warnings", "Read this first");
    Map<String, String> presets = new LinkedHashMap<>();
    for (int r = 0; r < runs.size(); r++) {
      int index = r;
      runs.get(r).run().map(RunManifest::preset).filter(preset -> preset != null)
          .ifPresent(preset -> presets.put(labels.get(index), preset));
    }
    if (new HashSet<>(presets.values()).size() > 1) {
      section.warning("These runs are of different presets (" + String.join(", ",
          presets.entrySet().stream().map(run -> run.getKey() + ": " + run.getValue()).toList())
          + "): each preset measures with its own forks and iterations, so a ratio between them"
          + " is of the presets as much as of the machines.");
    }
    presets.forEach((label, preset) -> {
      if (preset.equals(SMOKE)) {
        section.warning(label + " is a smoke run: it proves that every stage runs; its figures"
            + " are not measurements, and neither is any ratio to them.");
      }
    });
    return section.getWarnings().isEmpty() ? Optional.empty() : Optional.of(section);
  }

  /** The preset whose figures prove only that the stages run. */
  private static final String SMOKE = "smoke";

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

  /** One figure: each run's estimate per architecture x engine, and each later run's ratio. */
  private static Table table(List<RunResults> runs, List<String> labels, Figure figure) {
    List<Table.Column> columns = new ArrayList<>(List.of(Table.Column.text("arch", "Architecture"),
        Table.Column.text("engine", "Engine")));
    for (int r = 0; r < runs.size(); r++) {
      columns.add(Table.Column.estimate(figure.key() + "_" + r, labels.get(r), figure.format()));
      if (r > 0) {
        columns.add(Table.Column.ratio("ratio_" + r, labels.get(r) + ": ratio"));
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
        Map<String, String> key = ConfigurationParams.float32(engine, arch);
        List<Object> row = new ArrayList<>(List.of(arch, engine));
        Estimate first = null;
        boolean any = false;
        for (int r = 0; r < runs.size(); r++) {
          Estimate measured = figure.read(runs.get(r), key);
          any |= measured != null;
          row.add(measured);
          if (r == 0) {
            first = measured;
          } else {
            row.add(ratio(measured, first));
          }
        }
        if (any) {
          rows.add(row);
        }
      }
    }
    return new Table("comparison-" + figure.key().replace('_', '-'), figure.label() + " per run",
        columns, rows);
  }

  /** Each later run's ratios in {@code table}, by run label, then by "arch on engine". */
  private static Map<String, Map<String, Ratio>> ratios(Table table, List<String> labels) {
    Map<String, Map<String, Ratio>> ratios = new LinkedHashMap<>();
    for (int r = 1; r < labels.size(); r++) {
      Map<String, Ratio> run = new LinkedHashMap<>();
      for (List<Object> row : table.rows()) {
        if (table.value(row, "ratio_" + r) instanceof Ratio ratio
            && Double.isFinite(ratio.lower95()) && Double.isFinite(ratio.upper95())) {
          run.put(table.value(row, "arch") + " on " + table.value(row, "engine"), ratio);
        }
      }
      ratios.put(labels.get(r), run);
    }
    return ratios;
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
