package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.archbench.harness.Preset;
import org.archbench.harness.export.ExportProvenance;
import org.archbench.harness.export.OnnxExporter;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelStore;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.ArchitectureSpecJson;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.Transfer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark stage refuses a model an engine cannot load before JMH starts or jmh/ changes. */
class BenchmarkLauncherTest {

  @TempDir Path out;

  /** models/mlp/ as training and export leave it: DJL parameters, params.json and the ONNX file. */
  private OutputLayout trainedAndExported() throws IOException {
    OutputLayout layout = new OutputLayout(out);
    ArchitectureSpec spec = Architectures.MLP;
    TrainingKey key = new TrainingKey(spec.id(), ArchitectureSpecJson.sha256(spec),
        new TrainingConfig(1, 64, 1e-3f, 0, LossFunction.CROSS_ENTROPY,
            LearningRateSchedule.COSINE, Augmentation.NONE, 512, 1, ComputeDevice.CPU,
            Transfer.NONE, LongTail.BALANCED, ClassSubset.ALL),
        "synthetic", TrainingKey.FORMAT);
    Path directory = layout.modelDirectory(spec.id());
    try (Model model = Model.newInstance(spec.id(), Device.cpu(), ModelFiles.DJL_ENGINE)) {
      model.setBlock(DjlBlocks.build(spec));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
          DjlBlocks.inputShape(spec, 1));
      new ModelStore(directory).save(model, spec, key, 1);
      OnnxExporter.export(spec, model.getBlock(), new ExportProvenance(spec.id(),
          ArchitectureSpecJson.sha256(spec), new ModelStore(directory).keySha256(), "synthetic", 1,
          1, Double.NaN, "test", "unknown"), directory.resolve("mlp.onnx"));
    }
    return layout;
  }

  @Test
  void parametersPyTorchCannotLoadAreRefusedBeforeJmhAndLeaveTheLastResults() throws Exception {
    OutputLayout layout = trainedAndExported();
    Path parameters = layout.modelDirectory("mlp").resolve("mlp-0001.params");
    byte[] noise = new byte[4096];
    new Random(5).nextBytes(noise);
    Files.write(parameters, noise);
    // The last good run's files, which a failed one must leave as they are.
    Files.createDirectories(layout.jmh());
    Files.writeString(layout.jmhBlocks(), "good blocks", StandardCharsets.UTF_8);
    Files.writeString(layout.jmhNotSupported(), "good pairs", StandardCharsets.UTF_8);
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    IOException error = assertThrows(IOException.class, () -> BenchmarkLauncher.run(
        new BenchmarkLauncher.Request(layout, Preset.SMOKE, List.of("mlp"),
            List.of("onnxruntime", "pytorch"), List.of("fp32"), "fashion-mnist", null,
            ComputeDevice.CPU, false),
        new PrintStream(console, true, StandardCharsets.UTF_8)));

    assertTrue(error.getMessage().startsWith(parameters.toAbsolutePath()
        + ": expected the parameters training saved (sha256 "), error.getMessage());
    assertTrue(error.getMessage().endsWith("Train it again: archbench train --arch mlp --force"),
        error.getMessage());
    assertEquals("good blocks", Files.readString(layout.jmhBlocks()));
    assertEquals("good pairs", Files.readString(layout.jmhNotSupported()));
    assertFalse(Files.exists(layout.jmhResults()), "JMH never started");
    assertEquals("", console.toString(StandardCharsets.UTF_8));
  }
}
