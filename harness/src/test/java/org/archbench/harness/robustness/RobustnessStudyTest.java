package org.archbench.harness.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.archbench.harness.ReportFixtures;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.engine.Engines;
import org.archbench.harness.model.ExportedModels;
import org.archbench.harness.model.ModelVariants;
import org.archbench.harness.training.SyntheticData;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.robustness.RobustnessReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study on a small mlp, the reference, trained on synthetic data and exported as fp32 and int8. */
class RobustnessStudyTest {

  @TempDir Path out;

  private final LoadedDataset data = SyntheticData.dataset(640, 120);

  private OutputLayout trainedAndExported() throws IOException {
    return ExportedModels.trainAndExport(Architectures.MLP, data, out);
  }

  @Test
  void theInt8ModelIsMeasuredAgainstTheFloat32Reference() throws IOException {
    OutputLayout layout = trainedAndExported();

    RobustnessStudy.Outcome outcome = RobustnessStudy.run(layout, List.of("mlp"),
        ModelVariants.all(), Engines.byId("onnxruntime"), data.test(), true, 7);

    assertEquals(List.of(), outcome.notSupported());
    RobustnessReport float32 = JsonFiles.read(layout.robustness("mlp"), RobustnessReport.class);
    RobustnessReport int8 = JsonFiles.read(layout.robustness("mlp.int8"), RobustnessReport.class);
    assertEquals(outcome.written(), List.of(float32, int8));
    assertEquals(List.of("fp32", "int8"), List.of(float32.variant(), int8.variant()));
    // The small model makes no error at all under some corruptions: their CE is 0 / 0.
    List<Double> finite = float32.corruptionErrors().values().stream()
        .filter(ce -> !ce.isNaN()).toList();
    assertFalse(finite.isEmpty(), float32.corruptionErrors().toString());
    assertTrue(finite.stream().allMatch(ce -> Math.abs(ce - 1) < 1e-12),
        "the reference against itself: " + float32.corruptionErrors());
    assertEquals(CorruptionErrors.of(int8.cleanAccuracy(), int8.conditions(),
            float32.cleanAccuracy(), float32.conditions()).mean(),
        int8.meanCorruptionError(), 1e-12, "int8 is normalised by the float32 reference");
    assertEquals(CorruptionErrors.of(int8.cleanAccuracy(), int8.conditions(),
            float32.cleanAccuracy(), float32.conditions()).perCorruption(),
        int8.corruptionErrors());
    assertEquals(float32.conditions().size(), int8.conditions().size());
    ReportFixtures.assertFitsFixture(layout.robustness("mlp.int8"), RobustnessReport.class,
        "robustness/mlp.json");
  }

  @Test
  void aVariantTheEngineDoesNotRunIsNamedAndTheRestIsWritten() throws IOException {
    OutputLayout layout = trainedAndExported();

    RobustnessStudy.Outcome outcome = RobustnessStudy.run(layout, List.of("mlp"),
        ModelVariants.all(), Engines.byId("pytorch"), data.test(), true, 7);

    assertEquals(List.of("pytorch int8"), outcome.notSupported().stream()
        .map(pair -> pair.engine() + " " + pair.variant()).toList());
    assertTrue(outcome.notSupported().stream().map(NotSupported::cell)
        .allMatch(cell -> cell.contains("int8")), outcome.notSupported().toString());
    assertTrue(Files.exists(layout.robustness("mlp")));
    assertFalse(Files.exists(layout.robustness("mlp.int8")));
  }
}
