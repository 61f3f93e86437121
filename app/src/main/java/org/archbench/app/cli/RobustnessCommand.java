package org.archbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.archbench.harness.Defaults;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.engine.EngineKind;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.harness.engine.InferenceEngine;
import org.archbench.harness.engine.InferenceEngines;
import org.archbench.harness.engine.ModelFiles;
import org.archbench.schema.io.JsonFiles;
import org.archbench.harness.robustness.ContactSheet;
import org.archbench.harness.robustness.CorruptedTestSets;
import org.archbench.harness.robustness.CorruptionErrors;
import org.archbench.harness.robustness.RobustnessEvaluation;
import org.archbench.schema.robustness.RobustnessReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archbench robustness}: accuracy under corruption, and CE / mCE against the reference model. */
@Command(
    name = "robustness",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Evaluate exported models on corrupted copies of the test set (generated once into"
          + " OUT/robustness/sets/): accuracy per corruption and severity, mean corrupted accuracy,"
          + " CE per corruption, mCE and relative mCE against mlp. Writes OUT/robustness/<arch>.json"
          + " and the contact sheet OUT/robustness/contact-sheet.png."
    })
final class RobustnessCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataOptions data;

  @Mixin private OutputOptions output;

  @Mixin private ArchOptions archOptions;

  @Option(names = "--engine", paramLabel = "ID", defaultValue = "onnxruntime",
      description = "The engine to run (default: ${DEFAULT-VALUE}).")
  private String engine;

  @Option(names = "--images", paramLabel = "N",
      description = "Corrupt and classify the first N test images only; 0 for all 10,000"
          + " (default: the preset's; smoke 500, quick 2000, else all).")
  private Integer images;

  @Mixin private PresetOptions preset;

  @Option(names = "--seed", defaultValue = "" + Defaults.SEED,
      description = "Seed of the corruptions (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public Integer call() throws DatasetException, IOException {
    List<String> archs = archOptions.ids();
    EngineKind kind = EngineKind.byId(engine);
    LabeledImages fullTest = data.load().test();
    int limit = images != null ? images : preset.budget().robustnessImages();
    LabeledImages test = limit > 0 ? fullTest.first(limit) : fullTest;
    OutputLayout layout = output.layout();
    // Sets of fewer images are kept apart: a smoke run must not leave a short set that a standard
    // run would then read as the whole test set.
    CorruptedTestSets sets = new CorruptedTestSets(layout.root().resolve(
        test.count() == fullTest.count() ? "robustness/sets" : "robustness/sets-" + test.count()),
        test, seed);
    ContactSheet.write(java.util.Arrays.copyOf(test.pixels(), test.pixelsPerImage()), test.rows(),
        test.cols(), seed, layout.root().resolve("robustness/contact-sheet.png"));

    Map<String, RobustnessReport> measured = new LinkedHashMap<>();
    for (String arch : archs) {
      ModelFiles files = ModelFiles.in(layout.modelDirectory(arch));
      try (InferenceEngine running = InferenceEngines.open(kind, files, EngineSettings.cpuDefaults())) {
        int classes = files.spec().classes();
        double clean = RobustnessEvaluation.accuracy(running, test.pixels(), test, classes);
        List<RobustnessReport.ConditionAccuracy> conditions =
            RobustnessEvaluation.underEveryCorruption(running, sets, test, classes);
        measured.put(arch, new RobustnessReport(arch, kind.id(), test.count(),
            Defaults.ROBUSTNESS_REFERENCE, clean, conditions, conditions.stream().mapToDouble(c -> c.accuracy()).average().orElse(0),
            Map.of(), Double.NaN, Double.NaN, Instant.now().toString()));
      }
    }
    RobustnessReport reference = reference(measured, layout, test.count());
    PrintWriter out = spec.commandLine().getOut();
    for (RobustnessReport report : measured.values()) {
      RobustnessReport complete = report;
      if (reference != null) {
        CorruptionErrors errors = CorruptionErrors.of(report.cleanAccuracy(), report.conditions(),
            reference.cleanAccuracy(), reference.conditions());
        complete = new RobustnessReport(report.arch(), report.engine(), report.testImages(),
            report.reference(),
            report.cleanAccuracy(), report.conditions(), report.meanCorruptedAccuracy(),
            errors.perCorruption(), errors.mean(), errors.relativeMean(), report.createdAt());
      }
      JsonFiles.write(layout.root().resolve("robustness/" + report.arch() + ".json"), complete);
      out.printf(Locale.ROOT, "%-8s clean %.2f%%, mean corrupted %.2f%%, mCE %.3f, relative mCE %.3f%n",
          complete.arch(), 100 * complete.cleanAccuracy(), 100 * complete.meanCorruptedAccuracy(),
          complete.meanCorruptionError(), complete.relativeMeanCorruptionError());
    }
    out.flush();
    return 0;
  }

  /**
   * The reference model's results: measured in this run, or read from an earlier one on the same
   * number of test images; null if neither exists.
   */
  private static RobustnessReport reference(Map<String, RobustnessReport> measured,
      OutputLayout layout, int testImages) throws IOException {
    RobustnessReport reference = measured.get(Defaults.ROBUSTNESS_REFERENCE);
    java.nio.file.Path earlier =
        layout.root().resolve("robustness/" + Defaults.ROBUSTNESS_REFERENCE + ".json");
    if (reference == null && Files.isRegularFile(earlier)) {
      reference = JsonFiles.read(earlier, RobustnessReport.class);
      if (reference.testImages() != testImages) {
        reference = null;
      }
    }
    return reference;
  }
}
