package org.archbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.archbench.harness.Defaults;
import org.archbench.harness.Preset;
import org.archbench.harness.PresetBudget;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.run.RunManifest;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.model.ModelCheck;
import org.archbench.harness.model.ModelVariant;
import org.archbench.reports.RunCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code archbench check}: is a finished run complete, and does every result file parse? */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Check that a finished run left every result file (models, training, eval, predictions,"
          + " robustness, imbalance, transfer, loss, stats, JMH, report) for every architecture,"
          + " engine and model variant (by default every registered one; the studies for the"
          + " architectures the run's preset studies), each reading as its record; that each"
          + " model file is the model's own (of its variant, its training, its parameters); and"
          + " that every result measured the model file now in the run (none stale) and every"
          + " predictions file is the one its evaluation lists and wrote (none orphaned).",
      "Exits 1 and lists what is missing or wrong otherwise."
    })
final class CheckCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--in", paramLabel = "DIR", defaultValue = Defaults.OUTPUT_DIRECTORY,
      description = "The run's output directory (default: ${DEFAULT-VALUE}).")
  private Path in;

  @Mixin private ArchOptions archOptions;

  @Mixin private EngineOptions engineOptions;

  @Mixin private VariantOptions variantOptions;

  @Override
  public Integer call() throws IOException {
    List<String> variants = variantOptions.chosen().stream().map(ModelVariant::id).toList();
    List<String> archs = archOptions.ids();
    PrintWriter out = spec.commandLine().getOut();
    RunCheck.Result result = RunCheck.of(in, archs,
        engineOptions.kinds().stream().map(EngineKind::id).toList(), variants,
        studied(archs));
    // The result files say nothing of whose model files these are; the model check does.
    ModelCheck.Result models = ModelCheck.of(new OutputLayout(in), archs, variantOptions.chosen());
    List<String> problems = new ArrayList<>(result.problems());
    problems.addAll(models.problems());
    problems.forEach(problem -> out.println("MISSING OR WRONG: " + problem));
    out.printf("%s: %d result files checked, %d model files verified, %d problems%n", in,
        result.filesChecked(), models.filesChecked(), problems.size());
    out.flush();
    return problems.isEmpty() ? 0 : 1;
  }

  /**
   * The studies the run's preset (run.json's; standard when it has none) runs on {@code archs}.
   * A run.json that does not read is the check's own problem to report, not this method's.
   */
  private RunCheck.Studied studied(List<String> archs) {
    Preset preset = Preset.STANDARD;
    Path manifest = new OutputLayout(in).runManifest();
    if (Files.isRegularFile(manifest)) {
      try {
        preset = Preset.byId(JsonFiles.read(manifest, RunManifest.class).preset());
      } catch (IOException | RuntimeException unreadable) {
        // The check reads run.json again, and names what is wrong with it.
      }
    }
    PresetBudget budget = PresetBudget.of(preset);
    return new RunCheck.Studied(budget.transferArchs().stream().filter(archs::contains).toList(),
        budget.lossArchs().stream().filter(archs::contains).toList());
  }
}
