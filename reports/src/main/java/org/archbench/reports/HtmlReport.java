package org.archbench.reports;

import org.archbench.schema.OutputLayout;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.schema.jmh.MachineStability;
import org.archbench.schema.run.RunManifest;

/**
 * Writes a run's report: OUT/index.html (self-contained: inline CSS and SVG, no script, nothing
 * fetched), OUT/tables/&lt;id&gt;.csv and .json for every table, the contact sheet under assets/, and
 * the flame graphs under profiles/, into a staging directory renamed into place whole
 * ({@link StagedReport}). It reads only result files.
 */
public final class HtmlReport {

  private static final PebbleEngine TEMPLATES = new PebbleEngine.Builder()
      .loader(new ClasspathLoader(HtmlReport.class.getClassLoader()))
      .autoEscaping(true)
      .strictVariables(true)
      .build();

  private HtmlReport() {}

  /**
   * Renders the results in {@code in} into {@code out}.
   *
   * @param label names the run in the page, e.g. its machine; null for the one in run.json, or the
   *     directory's name
   * @return the written index.html
   * @throws IOException if {@code in} is not a run directory or a result file does not parse
   */
  public static Path write(Path in, Path out, String label) throws IOException {
    return write(in, out, label, List.of());
  }

  /**
   * As {@link #write(Path, Path, String)}, with the head-to-head section comparing {@code pairs}
   * ({@code cnn:secnn}); empty for the default pairs.
   *
   * @throws IllegalArgumentException if a pair is not of the form LEFT:RIGHT
   */
  public static Path write(Path in, Path out, String label, List<String> pairs)
      throws IOException {
    List<HeadToHeadSection.Pair> compared = pairs.isEmpty() ? HeadToHeadSection.DEFAULT_PAIRS
        : pairs.stream().map(HeadToHeadSection.Pair::parse).toList();
    RunResults read = RunResults.read(in);
    StaleResults stale = StaleResults.of(read);
    RunResults run = stale.current(read);
    OutputLayout layout = new OutputLayout(in);
    return StagedReport.write(out, directory -> {
      boolean contactSheet =
          copy(layout.contactSheet(), directory.resolve(RobustnessSection.CONTACT_SHEET));
      List<String> flameGraphs = copyFlameGraphs(layout.profiles(), directory.resolve("profiles"));
      Charts charts = new Charts();
      List<Section> sections = new ArrayList<>();
      warnings(run).ifPresent(sections::add);
      changedModels(stale).ifPresent(sections::add);
      List<String> problems = Plausibility.problems(run);
      if (!problems.isEmpty()) {
        Section box = new Section("problems", "Problems in the result files");
        box.note("These values cannot be true; no chart draws them. Run the stage that wrote the"
            + " file again, or check the file.");
        problems.forEach(box::problem);
        sections.add(box);
      }
      decisiveness(run).ifPresent(sections::add);
      sections.addAll(List.of(
          PickSection.build(run),
          LeaderboardSection.build(run, charts),
          QuantizationSection.build(run),
          TrainingSection.build(run, charts),
          ConfusionSection.build(run),
          RobustnessSection.build(run, charts, contactSheet),
          ImbalanceSection.build(run),
          StatisticsSection.build(run),
          HeadToHeadSection.build(run, compared),
          TransferSection.build(run, charts),
          LossSection.build(run, charts),
          EnginesSection.build(run, flameGraphs),
          EnvironmentSection.build(run)));
      return writePage(directory, label != null ? label : defaultLabel(run),
          in.toAbsolutePath().normalize().toString(), sections);
    });
  }

  /**
   * What makes the whole run's figures less to be trusted than they read, first on the page: a
   * smoke run's, and a machine that drifted while it was benchmarked.
   */
  static Optional<Section> warnings(RunResults run) {
    Section section = new Section("warnings", "Read this first");
    if (run.run().map(RunManifest::preset).filter("smoke"::equals).isPresent()) {
      section.warning("This is a smoke run: it proves that every stage runs on every architecture"
          + " and engine. Its figures are not measurements; run the standard preset for those.");
    }
    run.stability().flatMap(MachineStability::warning).ifPresent(warning ->
        section.warning(warning + " " + run.stability().get().summary() + "."));
    return section.getWarnings().isEmpty() ? Optional.empty() : Optional.of(section);
  }

  /**
   * How many of the paired comparisons, pick cells and engine ratios the blocks decided, above
   * the pick table, where the reader learns how far to trust its picks; absent for a run without
   * paired comparisons.
   */
  static Optional<Section> decisiveness(RunResults run) {
    return Decisiveness.of(run).map(line -> new Section("decisiveness",
        "How decisive the measurements were").note(line.text()));
  }

  /**
   * The results whose model has changed since they were written, first on the page, where the
   * reader learns why their figures are missing below; and the results that cannot be checked.
   */
  static Optional<Section> changedModels(StaleResults stale) {
    Section section = new Section("stale", "Results of models changed since");
    if (!stale.none()) {
      section.note("These results measured a model file that has changed since (trained or"
          + " exported again). Their figures are left out of every table and chart on this page;"
          + " run the stage each line names again to bring them back.");
      stale.stale().forEach(section::warning);
    }
    stale.unchecked().forEach(section::note);
    return section.getWarnings().isEmpty() && section.getNotes().isEmpty()
        ? Optional.empty() : Optional.of(section);
  }

  /**
   * Writes every table's CSV and JSON download under OUT/tables/, then OUT/index.html, last, so
   * that a page on disk never links to a download that is not there yet.
   */
  static Path writePage(Path out, String label, String source, List<Section> sections)
      throws IOException {
    for (Section section : sections) {
      for (Table table : section.getTables()) {
        Path tables = out.resolve(OutputLayout.REPORT_TABLES);
        AtomicFiles.write(tables.resolve(table.id() + ".csv"), TableFiles.csv(table));
        AtomicFiles.write(tables.resolve(table.id() + ".json"), TableFiles.json(table));
      }
    }
    Path index = out.resolve(OutputLayout.REPORT_PAGE);
    AtomicFiles.write(index, render(Map.of("label", label, "generatedAt", Instant.now().toString(),
        "source", source, "sections", sections)));
    return index;
  }

  private static String render(Map<String, Object> context) throws IOException {
    PebbleTemplate template = TEMPLATES.getTemplate("org/archbench/reports/report.peb");
    StringWriter html = new StringWriter();
    template.evaluate(html, context);
    return html.toString();
  }

  /** The machine from run.json if the pipeline wrote one, else the directory's name. */
  static String defaultLabel(RunResults run) {
    if (run.run().isPresent() && run.run().get().label() != null) {
      return run.run().get().label();
    }
    Path name = run.directory().toAbsolutePath().normalize().getFileName();
    return name == null ? "run" : name.toString();
  }

  private static boolean copy(Path from, Path to) throws IOException {
    if (!Files.isRegularFile(from)) {
      return false;
    }
    AtomicFiles.write(to, Files.readAllBytes(from));
    return true;
  }

  /** Copies each profiles/&lt;benchmark&gt;/flame-cpu-forward.html; returns the benchmark names. */
  private static List<String> copyFlameGraphs(Path from, Path to) throws IOException {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(from)) {
      return names;
    }
    try (Stream<Path> directories = Files.list(from)) {
      for (Path directory : directories.filter(Files::isDirectory).sorted().toList()) {
        String name = directory.getFileName().toString();
        if (copy(directory.resolve("flame-cpu-forward.html"),
            to.resolve(name).resolve("flame-cpu-forward.html"))) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
