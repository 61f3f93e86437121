package org.archbench.harness.robustness;

import java.io.IOException;
import org.archbench.schema.provenance.MeasuredModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.archbench.harness.Defaults;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelVariant;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.robustness.RobustnessReport;

/**
 * The robustness study: every exported model, each of its variants, on corrupted copies of the
 * test set (generated once, seeded), its accuracy per corruption and severity, and its corruption
 * errors against the float32 reference model ({@link Defaults#ROBUSTNESS_REFERENCE}), measured in
 * the same run or read from an earlier one on the same number of images. Writes
 * robustness/&lt;stem&gt;.json and the contact sheet.
 *
 * <p>An int8 model's errors are normalised by the same float32 reference as its float32 model's, so
 * the two mCEs compare directly: what quantization does to robustness, apart from clean accuracy.
 */
public final class RobustnessStudy {

  private RobustnessStudy() {}

  /**
   * What a study wrote, and the variants its engine could not run.
   *
   * @param written the reports, by arch in the order asked, then by variant
   * @param notSupported the models left out, each with the reason
   */
  public record Outcome(List<RobustnessReport> written, List<NotSupported> notSupported) {}

  /**
   * Runs the study of every variant of {@code variants} of {@code archs} on {@code test} (the
   * whole test set, or its first images, as {@code wholeTestSet} says) with {@code kind}, and
   * writes every report. A variant the engine does not run is left out and named in the outcome.
   *
   * @throws IOException if a model is missing or a file cannot be written
   */
  public static Outcome run(OutputLayout layout, List<String> archs, List<ModelVariant> variants,
      EngineKind kind, LabeledImages test, boolean wholeTestSet, long seed) throws IOException {
    // Sets of fewer images are kept apart: a smoke run must not leave a short set that a standard
    // run would then read as the whole test set.
    CorruptedTestSets sets =
        new CorruptedTestSets(layout.corruptedSets(test.count(), wholeTestSet), test, seed);
    ContactSheet.write(Arrays.copyOf(test.pixels(), test.pixelsPerImage()), test.rows(),
        test.cols(), seed, layout.contactSheet());

    // By stem: cnn, cnn.int8, ...
    Map<String, RobustnessReport> measured = new LinkedHashMap<>();
    List<NotSupported> notSupported = new ArrayList<>();
    for (String arch : archs) {
      ModelFiles float32 = ModelFiles.in(layout.modelDirectory(arch));
      for (ModelVariant variant : variants) {
        ModelFiles files = float32.as(variant);
        Optional<NotSupported> reason = kind.whyNot(files);
        if (reason.isPresent()) {
          notSupported.add(reason.get());
        } else {
          measured.put(variant.stem(arch), measure(layout, files, kind, sets, test));
        }
      }
    }
    RobustnessReport reference = reference(measured, layout, test.count());
    List<RobustnessReport> written = new ArrayList<>();
    for (Map.Entry<String, RobustnessReport> entry : measured.entrySet()) {
      RobustnessReport report = entry.getValue();
      RobustnessReport complete = reference == null ? report : withErrors(report, reference);
      JsonFiles.write(layout.robustness(entry.getKey()), complete);
      written.add(complete);
    }
    return new Outcome(written, notSupported);
  }

  /**
   * One model's accuracies, with the file the engine loaded; its corruption errors are left for
   * {@link #withErrors}.
   */
  private static RobustnessReport measure(OutputLayout layout, ModelFiles files, EngineKind kind,
      CorruptedTestSets sets, LabeledImages test) throws IOException {
    // Hashed before loading: the result names the very bytes the engine ran.
    MeasuredModel model = MeasuredModel.of(layout, kind.loads(files));
    RobustnessEvaluation.Accuracies accuracies =
        new RobustnessEvaluation(EngineSettings.cpuDefaults()).measure(files, kind, sets, test);
    List<RobustnessReport.ConditionAccuracy> conditions = accuracies.conditions();
    return new RobustnessReport(files.spec().id(), kind.id(), files.variant().id(), test.count(),
        Defaults.ROBUSTNESS_REFERENCE,
        accuracies.clean(), conditions,
        conditions.stream().mapToDouble(RobustnessReport.ConditionAccuracy::accuracy)
            .average().orElse(0),
        Map.of(), Double.NaN, Double.NaN, Instant.now().toString(), model);
  }

  private static RobustnessReport withErrors(RobustnessReport report, RobustnessReport reference) {
    CorruptionErrors errors = CorruptionErrors.of(report.cleanAccuracy(), report.conditions(),
        reference.cleanAccuracy(), reference.conditions());
    return new RobustnessReport(report.arch(), report.engine(), report.variant(),
        report.testImages(),
        report.reference(), report.cleanAccuracy(), report.conditions(),
        report.meanCorruptedAccuracy(), errors.perCorruption(), errors.mean(),
        errors.relativeMean(), report.createdAt(), report.model());
  }

  /**
   * The float32 reference model's results: measured in this run, or read from an earlier one on
   * the same number of test images; null if neither exists.
   */
  private static RobustnessReport reference(Map<String, RobustnessReport> measured,
      OutputLayout layout, int testImages) throws IOException {
    RobustnessReport reference = measured.get(Defaults.ROBUSTNESS_REFERENCE);
    Path earlier = layout.robustness(Defaults.ROBUSTNESS_REFERENCE);
    if (reference == null && Files.isRegularFile(earlier)) {
      reference = JsonFiles.read(earlier, RobustnessReport.class);
      if (reference.testImages() != testImages) {
        reference = null;
      }
    }
    return reference;
  }
}
