package org.archbench.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.archbench.harness.Defaults;
import org.archbench.harness.engine.EngineKind;
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
      "Check that a finished run left every result file (models, training, eval, predictions,",
      "robustness, imbalance, stats, JMH, report) for every architecture, engine and model",
      "variant (by default every registered one), each reading as its record.",
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
  public Integer call() {
    // Each variant's ONNX file, named as the variant names it inside a model directory.
    List<Function<String, String>> modelFiles = variantOptions.chosen().stream()
        .<Function<String, String>>map(variant ->
            arch -> variant.onnx(Path.of(""), arch).getFileName().toString())
        .toList();
    RunCheck.Result result = RunCheck.of(in, archOptions.ids(),
        engineOptions.kinds().stream().map(EngineKind::id).toList(), modelFiles);
    PrintWriter out = spec.commandLine().getOut();
    result.problems().forEach(problem -> out.println("MISSING OR WRONG: " + problem));
    out.printf("%s: %d result files checked, %d problems%n", in, result.filesChecked(),
        result.problems().size());
    out.flush();
    return result.ok() ? 0 : 1;
  }
}
