package org.archbench.harness.model;

import org.archbench.harness.export.Calibration;
import org.archbench.harness.export.ExportProvenance;
import org.archbench.harness.export.OnnxExporter;
import ai.djl.Device;
import ai.djl.Model;
import java.io.IOException;
import java.util.List;
import java.util.function.LongFunction;
import org.archbench.harness.BuildInfo;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.training.TrainingReport;
import org.archbench.models.spec.ArchitectureSpecJson;

/**
 * Exports a trained model of the output directory to models/&lt;arch&gt;/&lt;arch&gt;.onnx, and derives
 * the other variants' files from it.
 */
public final class ModelExport {

  private ModelExport() {}

  /**
   * Exports the trained {@code arch}, with provenance from its training report, then writes each
   * of {@code variants} from that export.
   *
   * @param calibration the images and method a variant calibrates on, given the seed of the split
   *     the model trained on (its validation images are the model's own); unused by float32
   * @return the model's float32 files, the .onnx now among them
   * @throws IOException if the model or its training report is missing or unreadable
   */
  public static ModelFiles export(OutputLayout layout, String arch, List<ModelVariant> variants,
      LongFunction<Calibration> calibration) throws IOException {
    ModelFiles files = ModelFiles.in(layout.modelDirectory(arch));
    TrainingReport report = files.trainingReport(layout.trainingReport(arch));
    ExportProvenance provenance =
        new ExportProvenance(
            arch,
            ArchitectureSpecJson.sha256(files.spec()),
            new ModelStore(files.directory()).keySha256(),
            report.key().datasetSha256(),
            report.key().config().seed(),
            report.epochs().size(),
            report.complete() ? report.result().test() : Double.NaN,
            BuildInfo.version(),
            BuildInfo.gitCommit());
    try (Model model = files.loadDjlModel(Device.cpu())) {
      OnnxExporter.export(files.spec(), model.getBlock(), provenance, files.onnx());
    }
    for (ModelVariant variant : variants) {
      if (!variant.isFloat32()) {
        variant.derive(files, calibration.apply(report.key().config().seed()));
      }
    }
    return files;
  }
}
