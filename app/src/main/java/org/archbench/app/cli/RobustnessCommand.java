package org.archbench.app.cli;

import org.archbench.harness.engine.Engines;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.archbench.harness.Defaults;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.robustness.RobustnessStudy;
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
      "Evaluate exported models, each variant the engine runs (float32, int8), on corrupted copies"
          + " of the test set (generated once into OUT/robustness/sets/): accuracy per corruption"
          + " and severity, mean corrupted accuracy, CE per corruption, mCE and relative mCE"
          + " against the float32 mlp. Writes OUT/robustness/<arch>.json (float32),"
          + " OUT/robustness/<arch>.<variant>.json and the contact sheet"
          + " OUT/robustness/contact-sheet.png."
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

  @Mixin private VariantOptions variantOptions;

  @Mixin private PresetOptions preset;

  @Option(names = "--seed", defaultValue = "" + Defaults.SEED,
      description = "Seed of the corruptions (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public Integer call() throws DatasetException, IOException {
    List<String> archs = archOptions.ids();
    EngineKind kind = Engines.byId(engine);
    LabeledImages fullTest = data.load().test();
    int limit = images != null ? images : preset.budget().robustnessImages();
    LabeledImages test = limit > 0 ? fullTest.first(limit) : fullTest;
    PrintWriter out = spec.commandLine().getOut();
    RobustnessStudy.Outcome outcome = RobustnessStudy.run(data.layout(output.layout()), archs,
        variantOptions.chosen(), kind, test, test.count() == fullTest.count(), seed);
    for (RobustnessReport complete : outcome.written()) {
      out.printf(Locale.ROOT,
          "%-8s %-5s clean %.2f%%, mean corrupted %.2f%%, mCE %.3f, relative mCE %.3f%n",
          complete.arch(), complete.variant(), 100 * complete.cleanAccuracy(),
          100 * complete.meanCorruptedAccuracy(), complete.meanCorruptionError(),
          complete.relativeMeanCorruptionError());
    }
    outcome.notSupported().forEach(pair -> out.printf(Locale.ROOT, "%-8s %-5s %s%n",
        pair.arch(), pair.variant(), pair.cell()));
    out.flush();
    return 0;
  }
}
