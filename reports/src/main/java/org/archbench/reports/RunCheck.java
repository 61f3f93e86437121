package org.archbench.reports;

import java.util.Optional;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.io.Sha256;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.PosixFilePermission;
import org.archbench.schema.training.TrainingReport;
import org.archbench.schema.stats.StatisticsReport;
import org.archbench.schema.study.LossReport;
import org.archbench.schema.study.TransferReport;
import org.archbench.schema.run.RunManifest;
import org.archbench.schema.robustness.RobustnessReport;
import org.archbench.schema.jmh.ConfigurationParams;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.NotSupportedPairs;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.io.FileSystemReasons;
import org.archbench.schema.io.Temporaries;
import org.archbench.schema.imbalance.ImbalanceReport;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.OutputLayout;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.archbench.schema.ModelVariantIds;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Checks that a finished bench run left every result file of the output layout, for every
 * architecture and engine, and that each one reads: result files as their records, CSV with
 * Commons CSV, the report with jsoup; that every result measured the model file now in the run
 * ({@link StaleResults}), and that every predictions file is the one its evaluation lists and
 * wrote. CI runs it after the smoke pipeline ({@code archbench check}); a user can run it on a run
 * copied from another machine before merging it.
 */
public final class RunCheck {

  /** Rows of a predictions file: one per official test image. */
  static final int TEST_IMAGES = 10_000;

  private static final ObjectMapper TABLE_JSON = new ObjectMapper();

  /** How a predictions file's name ends: eval/&lt;stem&gt;.&lt;engine&gt;.predictions.csv. */
  private static final String PREDICTIONS_SUFFIX = ".predictions.csv";

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

  /**
   * The architectures whose studies a run ran: transfer/&lt;arch&gt;.json and loss/&lt;arch&gt;.json
   * must exist for them.
   *
   * @param transfer the transfer study's architectures
   * @param loss the loss study's architectures
   */
  public record Studied(List<String> transfer, List<String> loss) {
    /** No study expected. */
    public static final Studied NONE = new Studied(List.of(), List.of());

    public Studied {
      transfer = List.copyOf(transfer);
      loss = List.copyOf(loss);
    }
  }

  /** Checks {@code run} for {@code archs} on {@code engines}, with the float32 model of each. */
  public static Result of(Path run, List<String> archs, List<String> engines) {
    return of(run, archs, engines, List.of(ModelVariantIds.FLOAT32), Studied.NONE);
  }

  /**
   * Checks {@code run} for {@code archs} on {@code engines} and the variants of ids
   * {@code variants}: every variant's ONNX file, robustness result and predictions, each
   * prediction left out only where an engine recorded it cannot run it, and the result of every
   * study {@code studied} names.
   */
  public static Result of(Path run, List<String> archs, List<String> engines,
      List<String> variants, Studied studied) {
    RunCheck check = new RunCheck(run);
    OutputLayout layout = new OutputLayout(run);
    List<NotSupported> notSupported = notSupported(layout, archs);
    check.runManifest(layout);
    for (String arch : archs) {
      check.archRecord(layout.trainingReport(arch), TrainingReport.class, TrainingReport::arch, arch);
      check.archRecord(layout.evaluation(arch), EvaluationReport.class, EvaluationReport::arch, arch);
      check.archRecord(layout.imbalance(arch), ImbalanceReport.class, ImbalanceReport::arch, arch);
      for (String variant : variants) {
        String stem = ModelVariantIds.stem(arch, variant);
        check.nonEmpty(layout.modelDirectory(arch).resolve(stem + ".onnx"));
        check.archRecord(layout.robustness(stem), RobustnessReport.class, RobustnessReport::arch,
            arch);
        for (String engine : engines) {
          if (!leftOut(notSupported, arch, engine, variant)) {
            check.predictions(layout.predictions(stem, engine));
          }
        }
      }
    }
    for (String arch : studied.transfer()) {
      check.archRecord(layout.transfer(arch), TransferReport.class, TransferReport::arch, arch);
    }
    for (String arch : studied.loss()) {
      check.archRecord(layout.loss(arch), LossReport.class, LossReport::arch, arch);
    }
    check.record(layout.statistics(), StatisticsReport.class);
    check.jmh(layout, archs, engines, variants, notSupported);
    check.report(layout);
    check.readableByOthers();
    check.noTemporaries();
    check.resultValues();
    check.predictionsOfTheirEvaluation(layout);
    return new Result(check.filesChecked, List.copyOf(check.problems));
  }

  /** run.json, with every stage it records complete. */
  private void runManifest(OutputLayout layout) {
    RunManifest manifest = record(layout.runManifest(), RunManifest.class);
    if (manifest == null) {
      return;
    }
    if (manifest.stages() == null || manifest.stages().isEmpty()) {
      problems.add("run.json: expected the stages of the run, found none");
      return;
    }
    manifest.stages().forEach((stage, record) -> {
      if (!"complete".equals(record.status())) {
        problems.add("run.json: expected stage " + stage + " complete, found " + record.status());
      }
    });
  }

  private <T> void archRecord(Path file, Class<T> type, Function<T, String> archOf, String arch) {
    T record = record(file, type);
    if (record != null && !arch.equals(archOf.apply(record))) {
      problems.add(name(file) + ": expected the results of " + arch + ", found arch '"
          + archOf.apply(record) + "'");
    }
  }

  /**
   * The pairs the run records as not supported, in the evaluations of {@code archs} and the
   * benchmarks: their figures are not expected. An architecture whose record does not read (the
   * file is a problem of its own, reported where it is checked) has every figure expected.
   */
  private static List<NotSupported> notSupported(OutputLayout layout, List<String> archs) {
    List<NotSupported> benchmarks;
    try {
      benchmarks = Files.isRegularFile(layout.jmhNotSupported())
          ? JsonFiles.read(layout.jmhNotSupported(), NotSupportedPairs.class).pairs() : List.of();
    } catch (IOException e) {
      return List.of();
    }
    List<NotSupported> pairs = new ArrayList<>();
    for (String arch : archs) {
      try {
        if (Files.isRegularFile(layout.evaluation(arch))) {
          pairs.addAll(JsonFiles.read(layout.evaluation(arch), EvaluationReport.class)
              .notSupported());
        }
      } catch (IOException e) {
        continue;
      }
      benchmarks.stream().filter(pair -> pair != null && arch.equals(pair.arch()))
          .forEach(pairs::add);
    }
    return pairs;
  }

  private static boolean leftOut(
      List<NotSupported> pairs, String arch, String engine, String variant) {
    return pairs.stream().anyMatch(pair -> pair != null && pair.concerns(arch, engine)
        && (pair.variant() == null || pair.variant().equals(variant)));
  }

  /**
   * jmh/figures.json reads as its record and holds a throughput figure of every engine x
   * architecture x variant.
   */
  private void jmh(OutputLayout layout, List<String> archs, List<String> engines,
      List<String> variants, List<NotSupported> notSupported) {
    if (!exists(layout.jmhFigures())) {
      return;
    }
    FigureEstimates figures = record(layout.jmhFigures(), FigureEstimates.class);
    if (figures == null) {
      return;
    }
    for (String arch : archs) {
      for (String variant : variants) {
        for (String engine : engines) {
          if (leftOut(notSupported, arch, engine, variant)) {
            continue;
          }
          Map<String, String> params = ConfigurationParams.of(engine, arch, variant);
          if (!figures.measured(CostMeasure.BATCH_256_THROUGHPUT, params)
              && !figures.measured(CostMeasure.BATCH_32_THROUGHPUT, params)) {
            problems.add(name(layout.jmhFigures()) + ": expected a throughput figure of "
                + engine + " x " + arch + " " + variant + ", found none");
          }
        }
      }
    }
  }

  /** The page parses and has its title; every table download parses. */
  private void report(OutputLayout layout) {
    Path page = layout.report().resolve(OutputLayout.REPORT_PAGE);
    if (!exists(page)) {
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
    try (Stream<Path> tables = Files.list(layout.report().resolve(OutputLayout.REPORT_TABLES))) {
      for (Path table : tables.sorted().toList()) {
        if (table.toString().endsWith(".json")) {
          tableJson(table);
        } else if (table.toString().endsWith(".csv")) {
          csv(table);
        }
      }
    } catch (IOException e) {
      problems.add("report/tables: expected the table downloads, found " + e.getMessage());
    }
  }

  /**
   * Every file and directory of the run can be read by others (rw-r--r--, rwxr-xr-x): a report is
   * published by a web server, and a run is copied to other machines and users.
   */
  private void readableByOthers() {
    if (!run.getFileSystem().supportedFileAttributeViews().contains("posix")
        || !Files.isDirectory(run)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(run)) {
      for (Path path : paths.sorted().toList()) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        boolean directory = Files.isDirectory(path);
        if (!permissions.contains(PosixFilePermission.OTHERS_READ)
            || (directory && !permissions.contains(PosixFilePermission.OTHERS_EXECUTE))) {
          problems.add((path.equals(run) ? "." : name(path)) + ": expected "
              + (directory ? "a directory others can list (rwxr-xr-x)" : "a file others can read (rw-r--r--)")
              + ", found " + PosixFilePermissions.toString(permissions)
              + ". Make it readable (chmod -R a+rX " + run + ") before publishing or copying the run.");
        }
      }
    } catch (IOException e) {
      problems.add(".: could not read the permissions of the run's files: " + e.getMessage());
    }
  }

  /** No temporary file of a write that never finished: a run was killed in the middle of one. */
  private void noTemporaries() {
    if (!Files.isDirectory(run)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(run)) {
      for (Path path : paths.filter(path -> !path.equals(run) && Temporaries.isLeftover(path))
          .sorted().toList()) {
        problems.add(name(path) + ": expected no temporary files, found one a stopped run left;"
            + " the next archbench command writing into " + run + " removes it");
      }
    } catch (IOException e) {
      problems.add(".: could not list the run's files (" + FileSystemReasons.of(e) + ")");
    } catch (UncheckedIOException e) {
      // Files.walk reports a directory it cannot read only as it reaches it.
      problems.add(".: could not list the run's files (" + FileSystemReasons.of(e.getCause())
          + "); make every directory of the run readable");
    }
  }

  /**
   * What the result files hold, read once as the report reads them: values they cannot truly hold
   * ({@link Plausibility}), and results whose model has changed since they were written
   * ({@link StaleResults}).
   */
  private void resultValues() {
    RunResults results;
    try {
      results = RunResults.read(run);
    } catch (IOException unreadable) {
      return; // A file that does not read is already a problem of its own above.
    }
    problems.addAll(Plausibility.problems(results));
    try {
      problems.addAll(StaleResults.of(results).stale());
    } catch (IOException unreadable) {
      problems.add(".: could not check the results against their models: "
          + unreadable.getMessage());
    }
  }

  /**
   * Every predictions file is the one its eval/&lt;arch&gt;.json was written with, and lists: a file
   * no record lists (an evaluation of other engines replaced the record, or a run stopped before
   * writing it) or whose bytes differ from those the record hashed, is not a result of the run.
   */
  private void predictionsOfTheirEvaluation(OutputLayout layout) {
    if (!Files.isDirectory(layout.evaluations())) {
      return;
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(layout.evaluations())) {
      files = listed.filter(file -> file.getFileName().toString().endsWith(PREDICTIONS_SUFFIX))
          .sorted().toList();
    } catch (IOException e) {
      problems.add("eval: could not list the predictions files: " + e.getMessage());
      return;
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      String arch = ModelVariantIds.archOf(name); // <stem>.<engine>: the arch comes first
      Path evaluation = layout.evaluation(arch);
      String remedy = "; run archbench evaluate --arch " + arch + " again, or remove " + name;
      Optional<EngineEvaluation> entry = Optional.empty();
      if (Files.isRegularFile(evaluation)) {
        try {
          entry = JsonFiles.read(evaluation, EvaluationReport.class).engines().stream()
              .filter(engine -> name(file).equals(engine.predictionsFile())).findFirst();
        } catch (IOException unreadable) {
          continue; // eval/<arch>.json's own problem, reported where it is read
        }
      }
      if (entry.isEmpty()) {
        problems.add(name(file) + ": expected predictions that " + name(evaluation) + " lists,"
            + " found none of its results naming them (orphaned: an evaluation of other engines"
            + " replaced the record, or a run stopped before writing it)" + remedy);
      } else if (entry.get().predictionsSha256() != null) {
        predictionsHash(file, entry.get().predictionsSha256(), name(evaluation), remedy);
      }
    }
  }

  private void predictionsHash(Path file, String recorded, String evaluation, String remedy) {
    try {
      if (!Sha256.hex(file).equals(recorded)) {
        problems.add(name(file) + ": expected the predictions " + evaluation + " was written"
            + " with (sha256 " + recorded.substring(0, Math.min(12, recorded.length()))
            + "), found other bytes: a run stopped between writing the two" + remedy);
      }
    } catch (IOException e) {
      problems.add(name(file) + ": unreadable: " + e.getMessage());
    }
  }

  private void predictions(Path file) {
    List<CSVRecord> rows = csv(file);
    if (rows != null && rows.size() != TEST_IMAGES) {
      problems.add(name(file) + ": expected " + TEST_IMAGES + " rows, found " + rows.size());
    }
  }

  /** {@code file} read as its record, or null (with the problem noted) if absent or unreadable. */
  private <T> T record(Path file, Class<T> type) {
    if (!exists(file)) {
      return null;
    }
    try {
      T record = JsonFiles.read(file, type);
      filesChecked++;
      return record;
    } catch (IOException e) {
      problems.add(problem(file, e));
      return null;
    }
  }

  /** A reader's failure: its message starts with the full path, the problem with the run's. */
  private String problem(Path file, IOException failure) {
    String message = failure.getMessage();
    String prefix = file + ": ";
    return name(file) + ": "
        + (message.startsWith(prefix) ? message.substring(prefix.length()) : message);
  }

  /** A table download: any JSON. */
  private void tableJson(Path file) {
    try {
      TABLE_JSON.readTree(file.toFile());
      filesChecked++;
    } catch (IOException e) {
      problems.add(name(file) + ": expected JSON, found " + e.getMessage());
    }
  }

  private List<CSVRecord> csv(Path file) {
    if (!exists(file)) {
      return null;
    }
    try (Reader reader = Files.newBufferedReader(file);
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
      List<CSVRecord> records = parser.getRecords();
      filesChecked++;
      return records;
    } catch (IOException | RuntimeException e) {
      problems.add(name(file) + ": expected CSV with a header row, found " + e.getMessage());
      return null;
    }
  }

  private void nonEmpty(Path file) {
    try {
      if (exists(file) && Files.size(file) == 0) {
        problems.add(name(file) + ": expected a model, found an empty file");
      } else if (Files.isRegularFile(file)) {
        filesChecked++;
      }
    } catch (IOException e) {
      problems.add(name(file) + ": unreadable: " + e.getMessage());
    }
  }

  private boolean exists(Path file) {
    if (Files.isRegularFile(file)) {
      return true;
    }
    problems.add(name(file) + ": expected this result file, found no such file");
    return false;
  }

  /** {@code file} relative to the run, as the problems name it. */
  private String name(Path file) {
    return run.relativize(file).toString();
  }
}
