package org.archbench.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.archbench.harness.export.Calibration;
import org.archbench.harness.export.CalibrationMethod;
import org.archbench.harness.export.ExportProvenance;
import org.archbench.harness.export.OnnxExporter;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelStore;
import org.archbench.harness.model.ModelVariants;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.ArchitectureSpecJson;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.io.JsonFiles;
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
import picocli.CommandLine;

/** {@code archbench check} looks into the model files, not only at their being there. */
class CheckCommandTest {

  @TempDir Path out;

  /** models/mlp/ with arch.json, key.json, and the float32 and int8 exports of fresh parameters. */
  private Path exported() throws IOException {
    ArchitectureSpec spec = Architectures.MLP;
    Path directory = new OutputLayout(out).modelDirectory(spec.id());
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(OutputLayout.SPEC_FILE), ArchitectureSpecJson.toJson(spec));
    TrainingKey key = new TrainingKey(spec.id(), ArchitectureSpecJson.sha256(spec),
        new TrainingConfig(1, 64, 1e-3f, 0, LossFunction.CROSS_ENTROPY,
            LearningRateSchedule.COSINE, Augmentation.NONE, 512, 1, ComputeDevice.CPU,
            Transfer.NONE, LongTail.BALANCED, ClassSubset.ALL),
        "synthetic", TrainingKey.FORMAT);
    JsonFiles.write(directory.resolve(OutputLayout.KEY_FILE), key);
    try (NDManager manager = NDManager.newBaseManager(ModelFiles.DJL_ENGINE)) {
      Block block = DjlBlocks.build(spec);
      block.initialize(manager, DataType.FLOAT32, DjlBlocks.inputShape(spec, 1));
      OnnxExporter.export(spec, block, new ExportProvenance(spec.id(),
          ArchitectureSpecJson.sha256(spec), ModelStore.sha256(key), "synthetic", 1, 1,
          Double.NaN, "test", "unknown"), directory.resolve("mlp.onnx"));
    }
    float[] pixels = new float[4 * 28 * 28];
    Arrays.fill(pixels, 0.5f);
    ModelVariants.byId("int8").derive(ModelFiles.in(directory),
        new Calibration(pixels, 4, new long[] {1, 28, 28}, CalibrationMethod.MIN_MAX));
    return directory;
  }

  @Test
  void aModelFileOfTheWrongVariantIsAProblem() throws IOException {
    Path directory = exported();
    Files.copy(directory.resolve("mlp.onnx"), directory.resolve("mlp.int8.onnx"),
        StandardCopyOption.REPLACE_EXISTING);
    StringWriter printed = new StringWriter();
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(printed));

    int exitCode = commandLine.execute("check", "--in", out.toString(), "--arch", "mlp");

    assertEquals(1, exitCode);
    assertTrue(printed.toString().contains("MISSING OR WRONG: " + directory.resolve("mlp.int8.onnx")
        + ": expected the int8 model of mlp, found the fp32 model (its metadata says so)"),
        printed.toString());
  }
}
