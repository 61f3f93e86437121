package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.imbalance.ImbalanceReport;
import org.archbench.schema.study.LossReport;
import org.archbench.schema.study.TransferReport;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.robustness.RobustnessReport;
import org.archbench.schema.stats.StatisticsReport;
import org.archbench.schema.jmh.BenchmarkedModels;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.TrainingReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixture run is what the writers write: every result file reads strictly as its record (no
 * unknown field, none missing) and the writer turns that record back into the same bytes. So a
 * record component renamed on the writer side fails here, instead of the report silently showing
 * the figure as missing. Run with -Dgolden.update=true to rewrite the fixtures through the writer
 * after a deliberate change of a record.
 */
class FixtureFormatTest {

  record ResultFile(Path file, Class<?> type) {
    @Override
    public String toString() {
      return Fixtures.run().relativize(file) + " as " + type.getSimpleName();
    }
  }

  static List<ResultFile> resultFiles() throws IOException {
    OutputLayout layout = new OutputLayout(Fixtures.run());
    List<ResultFile> files = new ArrayList<>();
    files.addAll(each(layout.trainingReports(), TrainingReport.class));
    files.addAll(each(layout.evaluations(), EvaluationReport.class));
    files.addAll(each(layout.robustnessReports(), RobustnessReport.class));
    files.addAll(each(layout.imbalanceReports(), ImbalanceReport.class));
    files.addAll(each(layout.transferReports(), TransferReport.class));
    files.addAll(each(layout.lossReports(), LossReport.class));
    files.add(new ResultFile(layout.statistics(), StatisticsReport.class));
    files.add(new ResultFile(layout.jmhModels(), BenchmarkedModels.class));
    files.add(new ResultFile(layout.jmhFigures(), FigureEstimates.class));
    try (Stream<Path> models = Files.list(layout.models())) {
      models.sorted().forEach(model ->
          files.add(new ResultFile(model.resolve(OutputLayout.KEY_FILE), TrainingKey.class)));
    }
    return files;
  }

  private static List<ResultFile> each(Path directory, Class<?> type) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted()
          .map(f -> new ResultFile(f, type)).toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("resultFiles")
  void readsStrictlyAndIsWrittenBackByteForByte(ResultFile result) throws IOException {
    // An update rewrites the fixtures through the writer: fields the record gained since the fixture
    // was written take the values a reader of the old file gets.
    Object record = Boolean.getBoolean("golden.update")
        ? JsonFiles.read(result.file(), result.type())
        : JsonFiles.readStrictly(result.file(), result.type());
    String written = new String(JsonFiles.bytes(record), StandardCharsets.UTF_8);

    if (Boolean.getBoolean("golden.update")) {
      Path source = Path.of("src/test/resources/fixture-run")
          .resolve(Fixtures.run().relativize(result.file()).toString());
      Files.writeString(source, written);
    }
    String fixture = Files.readString(result.file());
    assertFalse(fixture.isBlank());
    assertEquals(fixture, written, "the writer's bytes of " + result);
  }
}
