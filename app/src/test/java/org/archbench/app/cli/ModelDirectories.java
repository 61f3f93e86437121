package org.archbench.app.cli;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;
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
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.TrainingKey;
import org.archbench.schema.training.Transfer;

/** A model directory as training and export leave it, without a dataset, for the CLI's tests. */
final class ModelDirectories {

  private ModelDirectories() {}

  /**
   * Writes models/mlp/ under {@code out}: freshly initialised parameters saved as training saves
   * them (the .params file, params.json, arch.json, key.json), their float32 export and its int8
   * variant.
   *
   * @return the model directory
   */
  static Path trainedAndExported(Path out) throws IOException {
    ArchitectureSpec spec = Architectures.MLP;
    Path directory = new OutputLayout(out).modelDirectory(spec.id());
    TrainingKey key = new TrainingKey(spec.id(), ArchitectureSpecJson.sha256(spec),
        new TrainingConfig(1, 64, 1e-3f, 0, LossFunction.CROSS_ENTROPY,
            LearningRateSchedule.COSINE, Augmentation.NONE, 512, 1, ComputeDevice.CPU,
            Transfer.NONE, LongTail.BALANCED, ClassSubset.ALL),
        "synthetic", TrainingKey.FORMAT);
    try (Model model = Model.newInstance(spec.id(), Device.cpu(), ModelFiles.DJL_ENGINE)) {
      model.setBlock(DjlBlocks.build(spec));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
          DjlBlocks.inputShape(spec, 1));
      new ModelStore(directory).save(model, spec, key, 1);
      OnnxExporter.export(spec, model.getBlock(), new ExportProvenance(spec.id(),
          ArchitectureSpecJson.sha256(spec), ModelStore.sha256(key), "synthetic", 1, 1,
          Double.NaN, "test", "unknown"), directory.resolve("mlp.onnx"));
    }
    float[] pixels = new float[4 * 28 * 28];
    Arrays.fill(pixels, 0.5f);
    ModelVariants.byId("int8").derive(ModelFiles.in(directory),
        new Calibration(pixels, 4, new long[] {1, 28, 28}, CalibrationMethod.MIN_MAX));
    return directory;
  }
}
