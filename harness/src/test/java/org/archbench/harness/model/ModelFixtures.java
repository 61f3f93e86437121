package org.archbench.harness.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.harness.export.Calibration;
import org.archbench.harness.export.CalibrationMethod;
import org.archbench.harness.export.ExportProvenance;
import org.archbench.harness.export.OnnxExporter;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.ArchitectureSpecJson;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.Transfer;

/** A model directory's spec and key as training writes them, for tests that build models by hand. */
public final class ModelFixtures {

  private ModelFixtures() {}

  /** A one-epoch key of {@code spec} with this seed. */
  public static TrainingKey key(ArchitectureSpec spec, long seed) {
    TrainingConfig config = new TrainingConfig(1, 64, 1e-3f, 0, LossFunction.CROSS_ENTROPY,
        LearningRateSchedule.COSINE, Augmentation.NONE, 512, seed, ComputeDevice.CPU, Transfer.NONE,
        LongTail.BALANCED, ClassSubset.ALL);
    return new TrainingKey(spec.id(), ArchitectureSpecJson.sha256(spec), config, "synthetic",
        TrainingKey.FORMAT);
  }

  /** Writes arch.json and key.json of {@code spec} (seed 1) into {@code directory}. */
  public static TrainingKey writeSpecAndKey(Path directory, ArchitectureSpec spec) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(OutputLayout.SPEC_FILE), ArchitectureSpecJson.toJson(spec),
        StandardCharsets.UTF_8);
    TrainingKey key = key(spec, 1);
    JsonFiles.write(directory.resolve(OutputLayout.KEY_FILE), key);
    return key;
  }

  /**
   * Writes arch.json and key.json of {@code spec} into {@code directory}, and the ONNX export of
   * freshly initialised parameters beside them, as {@code <arch>.onnx}.
   */
  public static void writeExported(Path directory, ArchitectureSpec spec) throws IOException {
    TrainingKey key = writeSpecAndKey(directory, spec);
    try (NDManager manager = NDManager.newBaseManager(ModelFiles.DJL_ENGINE)) {
      Block block = DjlBlocks.build(spec);
      block.initialize(manager, DataType.FLOAT32, DjlBlocks.inputShape(spec, 1));
      OnnxExporter.export(
          spec, block, provenance(spec, key), directory.resolve(spec.id() + ".onnx"));
    }
  }

  /** The provenance an export of {@code spec} trained under {@code key} carries. */
  public static ExportProvenance provenance(ArchitectureSpec spec, TrainingKey key) throws IOException {
    return new ExportProvenance(spec.id(), ArchitectureSpecJson.sha256(spec), ModelStore.sha256(key),
        key.datasetSha256(), key.config().seed(), 1, Double.NaN, "test", "unknown");
  }

  /**
   * Writes the directory training and export leave: freshly initialised parameters of {@code spec}
   * saved under the key of {@code seed} (the .params file, params.json, arch.json, key.json), their
   * float32 export and its int8 variant.
   */
  public static void writeTrainedAndExported(Path directory, ArchitectureSpec spec, long seed)
      throws IOException {
    TrainingKey key = key(spec, seed);
    try (Model model = Model.newInstance(spec.id(), Device.cpu(), ModelFiles.DJL_ENGINE)) {
      model.setBlock(DjlBlocks.build(spec));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
          DjlBlocks.inputShape(spec, 1));
      new ModelStore(directory).save(model, spec, key, 1);
      OnnxExporter.export(spec, model.getBlock(), provenance(spec, key),
          directory.resolve(spec.id() + ".onnx"));
    }
    writeInt8(directory);
  }

  /**
   * Derives the int8 file of the model {@link #writeExported} wrote in {@code directory}, calibrated
   * on a few images of a fixed pattern (the values do not matter, only that the file is int8's).
   */
  public static void writeInt8(Path directory) throws IOException {
    int images = 8;
    float[] pixels = new float[images * 28 * 28];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (i % 97) / 97f;
    }
    ModelVariants.byId("int8").derive(ModelFiles.in(directory),
        new Calibration(pixels, images, new long[] {1, 28, 28}, CalibrationMethod.MIN_MAX));
  }
}
