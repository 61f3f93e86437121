package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.archbench.schema.stats.Ratio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The int8 section from the fixture: mlp's int8 model on onnxruntime, whose fixture throughput is
 * float32's times 3.8 at batch 256, whose batch-1 latency is float32's times 1.11, and whose
 * accuracy under every corruption is float32's less 0.3 points.
 */
class QuantizationSectionTest {

  @TempDir Path out;

  @Test
  void aRowGivesTheDropItsTestAndTheSpeedUpsAsRatiosOfFloat32() throws IOException {
    Table table = QuantizationSection.build(RunResults.read(Fixtures.run())).getTables().get(0);

    assertEquals(1, table.rows().size());
    List<Object> row = table.rows().get(0);
    assertEquals(List.of("mlp", "int8", "onnxruntime"), row.subList(0, 3));
    assertEquals(0.8968, (double) table.value(row, "float32_accuracy"), 1e-12);
    assertEquals(0.8967, (double) table.value(row, "variant_accuracy"), 1e-12);
    assertEquals(0.0001, (double) table.value(row, "drop"), 1e-9);
    assertTrue((double) table.value(row, "drop_lower95") < 0
        && (double) table.value(row, "drop_upper95") > 0, "the interval holds zero");
    assertEquals(1.0, (double) table.value(row, "mcnemar_p"), 1e-12, "12 against 11");
    assertEquals(1.0, (double) table.value(row, "float32_mce"), 1e-12, "mlp is the reference");
    assertTrue((double) table.value(row, "variant_mce") > 1,
        "the fixture's int8 mlp errs more under every corruption than its float32 model");
    assertEquals(244_895.0 / 941_588, (double) table.value(row, "size_ratio"), 1e-12);
    assertEquals(3.8, ((Ratio) table.value(row, "b256_speedup")).ratio(), 1e-9);
    assertEquals(1 / 1.11, ((Ratio) table.value(row, "p50_speedup")).ratio(), 1e-9,
        "latency: float32's over the variant's, so slower is below 1");
  }

  @Test
  void aRunWithoutInt8ModelsSaysWhatToRun() throws IOException {
    Path run = Fixtures.copy(out.resolve("run"));
    try (Stream<Path> evaluations = Files.list(run.resolve("eval"))) {
      for (Path evaluation : evaluations.toList()) {
        Files.writeString(evaluation, Files.readString(evaluation)
            .replaceAll("(?s)\"againstFloat32\" : \\[.*?\\],\\s*\"notSupported\"",
                "\"againstFloat32\" : [ ],\n  \"notSupported\""));
      }
    }

    Section section = QuantizationSection.build(RunResults.read(run));

    assertEquals(List.of(), section.getTables());
    assertTrue(section.getMissing().get(0).contains("export and evaluate with the int8 variant"),
        section.getMissing().toString());
  }
}
