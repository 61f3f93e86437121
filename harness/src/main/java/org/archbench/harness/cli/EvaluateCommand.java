package org.archbench.harness.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.archbench.harness.OutputLayout;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.EngineSettings;
import org.archbench.harness.evaluation.EngineEvaluation;
import org.archbench.harness.evaluation.EvaluationReport;
import org.archbench.harness.evaluation.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archbench evaluate}: accuracy with statistics on the test set, per engine. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Evaluate exported models on the 10,000 test images with every engine: accuracy with its 95%%"
          + " Wilson interval, macro-F1, per-class precision and recall, confusion matrix, common"
          + " mix-ups, NLL, ECE, Brier, and cross-engine agreement.",
      "Writes OUT/eval/<arch>.json and OUT/eval/<arch>.<engine>.predictions.csv."
    })
final class EvaluateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataOptions data;

  @Mixin private OutputOptions output;

  @Mixin private ArchOptions archOptions;

  @Mixin private EngineOptions engineOptions;

  @Override
  public Integer call() throws DatasetException, IOException {
    List<String> archs = archOptions.ids();
    List<EngineKind> kinds = engineOptions.kinds();
    LoadedDataset dataset = data.load();
    OutputLayout layout = output.layout();
    PrintWriter out = spec.commandLine().getOut();
    for (String arch : archs) {
      EvaluationReport report =
          Evaluator.evaluate(layout, arch, dataset, kinds, EngineSettings.cpuDefaults());
      for (EngineEvaluation engine : report.engines()) {
        out.printf(Locale.ROOT,
            "%-8s %-16s accuracy %.2f%% [%.2f, %.2f], macro-F1 %.4f, NLL %.4f, ECE %.4f, Brier %.4f%n",
            arch, engine.engine(), 100 * engine.accuracy(), 100 * engine.accuracyLower95(),
            100 * engine.accuracyUpper95(), engine.macroF1(), engine.negativeLogLikelihood(),
            engine.expectedCalibrationError(), engine.brierScore());
      }
      out.printf(Locale.ROOT, "%-8s engines agree on %.2f%% of the test images (max |logit"
          + " difference| %.2e); written to %s%n", arch, 100 * report.agreement().share(),
          report.agreement().maxLogitDifference(), layout.evaluation(arch));
      out.flush();
    }
    return 0;
  }
}
