package org.archbench.reports;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.run.Machine;
import org.archbench.schema.run.RunManifest;

/**
 * The fixture run: result files of a real standard run of mlp and cnn (eval, training, robustness,
 * imbalance, stats) with a smoke JMH run of mlp, and no run.json or flame graphs, so that some parts
 * are missing as they would be after a partial run.
 */
final class Fixtures {

  private Fixtures() {}

  static Path run() {
    try {
      return Path.of(Fixtures.class.getResource("/fixture-run").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A writable copy of the fixture run under {@code directory}. */
  static Path copy(Path directory) throws IOException {
    Path source = run();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = directory.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return directory;
  }

  /** Rewrites the jmh/figures.json of the run in {@code run} through {@code edit}. */
  static void editFigures(Path run, UnaryOperator<FigureEstimates> edit) throws IOException {
    Path file = new OutputLayout(run).jmhFigures();
    JsonFiles.write(file, edit.apply(JsonFiles.read(file, FigureEstimates.class)));
  }

  /**
   * {@code figures} with {@code figures} in place of their figures, and {@code comparisons} in
   * place of their comparisons.
   */
  static FigureEstimates with(FigureEstimates figures, List<FigureEstimates.Figure> list,
      List<Comparison> comparisons) {
    return new FigureEstimates(list, comparisons, figures.jmhVersion(), figures.benchmarkJvm(),
        figures.createdAt());
  }

  /** {@code figure} with {@code estimate}, and {@code params} in place of its own. */
  static FigureEstimates.Figure with(FigureEstimates.Figure figure, Map<String, String> params,
      Estimate estimate) {
    return new FigureEstimates.Figure(figure.benchmark(), params, figure.figure(), figure.unit(),
        estimate);
  }

  /**
   * A complete run.json of a run on {@code datasetSha256} (null for none yet) whose stages are
   * {@code stages}, on a 2-core EPYC.
   */
  static RunManifest runManifest(String datasetSha256, Map<String, RunManifest.StageRecord> stages) {
    Machine machine = new Machine("AMD EPYC 7B13", 2, 25769803776L, "Linux 6.1 amd64",
        "Debian 17.0.15", "none", "build-7", List.of("AVX2", "FMA"), 2450.0, "6.1");
    return new RunManifest(machine.label(), "quick", machine, "0.1.0", "0123abc", datasetSha256,
        stages, "2026-12-01T10:00:00Z");
  }

  /** A stage that ran for {@code seconds} and ended {@code finishedAt}. */
  static RunManifest.StageRecord stage(String status, double seconds, String finishedAt) {
    return new RunManifest.StageRecord(status, seconds, "2026-12-01T09:00:00Z", finishedAt);
  }

  /** The expected file {@code name} under golden/, or the actual one written there on -Dgolden.update. */
  static String golden(String name, String actual) throws IOException {
    Path source = Path.of("src/test/resources/golden").resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(source.getParent());
      Files.writeString(source, actual);
    }
    return Files.readString(source);
  }
}
