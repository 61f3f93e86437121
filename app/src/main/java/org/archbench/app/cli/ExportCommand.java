package org.archbench.app.cli;

import org.archbench.harness.engine.BatchedInference;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.export.Calibration;
import org.archbench.harness.export.CalibrationMethod;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.eval.EngineAgreement;
import org.archbench.harness.engine.EngineKind;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.harness.engine.InferenceEngine;
import org.archbench.harness.engine.UnsupportedModelException;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelExport;
import org.archbench.harness.model.ModelVariant;
import org.archbench.schema.OutputLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archbench export}: writes each trained model as ONNX and its other variants (int8), then
 * checks on the test set that every engine predicts what the others do.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Export trained models to OUT/models/<arch>/<arch>.onnx (opset 17, input [batch,1,28,28],"
          + " output logits [batch,10]), and the int8 variant to <arch>.int8.onnx: static QDQ"
          + " quantization with activations calibrated on validation images (never test ones).",
      "Then run every engine on the 10,000 test images and report their accuracy and agreement."
    })
final class ExportCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataOptions data;

  @Mixin private ArchOptions archOptions;

  @Mixin private OutputOptions output;

  @Mixin private EngineOptions engineOptions;

  @Mixin private VariantOptions variantOptions;

  @Option(names = "--check", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Compare the engines on the test set after exporting (default: ${DEFAULT-VALUE}).")
  private boolean check;

  @Option(names = "--calibration", paramLabel = "METHOD", defaultValue = "percentile",
      description = "How the int8 model's activation ranges are read from the calibration images:"
          + " min-max (each tensor's extremes) or percentile (clipped at the 99.99th percentile)"
          + " (default: ${DEFAULT-VALUE}).")
  private String calibrationMethod;

  @Option(names = "--calibration-images", paramLabel = "N", defaultValue = "1000",
      description = "Validation images the int8 model is calibrated on, at most the validation"
          + " split's (default: ${DEFAULT-VALUE}, or every validation image where there are fewer).")
  private int calibrationImages;

  @Override
  public Integer call() throws DatasetException, IOException {
    List<String> archs = archOptions.ids();
    List<EngineKind> kinds = engineOptions.kinds();
    List<ModelVariant> variants = variantOptions.chosen();
    CalibrationMethod method = CalibrationMethod.byOption(calibrationMethod);
    if (calibrationImages < 1) {
      throw new IllegalArgumentException("--calibration-images: expected at least 1, found "
          + calibrationImages);
    }
    OutputLayout layout = data.layout(output.layout());
    boolean derives = variants.stream().anyMatch(variant -> !variant.isFloat32());
    LoadedDataset dataset = check || derives ? data.load() : null;
    PrintWriter printer = spec.commandLine().getOut();
    // A number the user gave is refused above the split's size; the default asks for up to it.
    boolean chosen = spec.commandLine().getParseResult().hasMatchedOption("--calibration-images");
    for (String arch : archs) {
      ModelFiles files = ModelExport.export(layout, arch, variants,
          seed -> Calibration.ofValidation(dataset, seed, chosen ? calibrationImages
              : Math.min(calibrationImages, Calibration.validationImages(dataset, seed)), method));
      for (ModelVariant variant : variants) {
        ModelFiles artifact = files.as(variant);
        printer.printf(Locale.ROOT, "%s %s: exported %s (%,d bytes)%n", arch, variant,
            artifact.onnx(), Files.size(artifact.onnx()));
        if (check) {
          check(artifact, kinds, dataset.test(), printer);
        }
        printer.flush();
      }
    }
    return 0;
  }

  /** Runs the test set through every engine and prints accuracies and agreement. */
  private static void check(
      ModelFiles files, List<EngineKind> kinds, LabeledImages test, PrintWriter printer)
      throws IOException {
    EngineSettings settings = EngineSettings.cpuDefaults();
    int classes = files.spec().classes();
    List<float[]> logitsPerEngine = new ArrayList<>();
    for (EngineKind kind : kinds) {
      Optional<NotSupported> notSupported = kind.whyNot(files);
      if (notSupported.isPresent()) {
        printer.printf(Locale.ROOT, "  %-16s %s%n", kind, notSupported.get().cell());
        continue;
      }
      try (InferenceEngine engine = kind.open(files, settings)) {
        float[] logits = BatchedInference.logits(engine, test, classes);
        logitsPerEngine.add(logits);
        printer.printf(Locale.ROOT, "  %-16s %-10s test accuracy %.2f%%%n", kind, engine.version(),
            100.0 * BatchedInference.correct(logits, test, classes) / test.count());
      } catch (UnsupportedModelException e) {
        printer.printf(Locale.ROOT, "  %-16s %s%n", kind, e.notSupported().cell());
      }
    }
    if (logitsPerEngine.isEmpty()) {
      return;
    }
    EngineAgreement agreement = BatchedInference.agreement(logitsPerEngine, classes);
    printer.printf(Locale.ROOT,
        "  all engines agree on %.2f%% of %,d test images; max |logit difference| %.2e (%s)%n",
        100 * agreement.share(), agreement.images(), agreement.maxLogitDifference(), settings);
  }
}
