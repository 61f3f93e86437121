package org.archbench.harness.model;

import java.io.IOException;
import java.nio.file.Path;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.export.Calibration;
import org.archbench.harness.export.CalibrationMethod;
import org.archbench.harness.training.ModelTrainer;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.training.Augmentation;
import org.archbench.schema.training.ClassSubset;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.LossFunction;
import org.archbench.schema.training.TrainingConfig;
import org.archbench.schema.training.Transfer;

/** A small model trained for two epochs on {@code data} and exported as every registered variant. */
public final class ExportedModels {

  private ExportedModels() {}

  /**
   * Trains {@code spec} into {@code out} and exports it, int8 calibrated on 100 images, or the
   * whole validation split of a smaller {@code data}.
   */
  public static OutputLayout trainAndExport(ArchitectureSpec spec, LoadedDataset data, Path out)
      throws IOException {
    return trainAndExport(spec, data, out, 3);
  }

  /**
   * As {@link #trainAndExport(ArchitectureSpec, LoadedDataset, Path)}, with the training seed
   * {@code trainingSeed}: another is another training key, so the model is trained again.
   */
  public static OutputLayout trainAndExport(ArchitectureSpec spec, LoadedDataset data, Path out,
      long trainingSeed) throws IOException {
    OutputLayout layout = new OutputLayout(out);
    new ModelTrainer(spec,
        new TrainingConfig(2, 64, 1e-3f, 0, LossFunction.CROSS_ENTROPY, LearningRateSchedule.COSINE,
            Augmentation.NONE, 512, trainingSeed, ComputeDevice.CPU, Transfer.NONE,
            LongTail.BALANCED, ClassSubset.ALL),
        data, layout).train(false, false);
    ModelExport.export(layout, spec.id(), ModelVariants.all(),
        seed -> Calibration.ofValidation(data, seed,
            Math.min(100, Calibration.validationImages(data, seed)), CalibrationMethod.PERCENTILE));
    return layout;
  }
}
