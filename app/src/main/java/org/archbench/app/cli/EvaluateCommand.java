package org.archbench.app.cli;

import org.archbench.harness.engine.Engines;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.SeedRuns;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.engine.EngineKind;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.eval.VariantComparison;
import org.archbench.harness.model.ModelVariant;
import org.archbench.harness.model.ModelVariants;
import org.archbench.harness.evaluation.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code archbench evaluate}: accuracy with statistics on the test set, per engine. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Evaluate exported models on the 10,000 test images with every engine and model variant:"
          + " accuracy with its 95%% Wilson interval, macro-F1, per-class precision and recall,"
          + " confusion matrix, common mix-ups, NLL, ECE, Brier, cross-engine agreement, and each"
          + " int8 model against its float32 model (accuracy drop with its paired 95%% interval,"
          + " McNemar, agreement).",
      "Writes OUT/eval/<arch>.json and OUT/eval/<stem>.<engine>.predictions.csv (stem: <arch>, or"
          + " <arch>.int8). Results of engines and variants not chosen this time are kept while the"
          + " model file they measured is unchanged."
    })
final class EvaluateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataOptions data;

  @Mixin private OutputOptions output;

  @Mixin private ArchOptions archOptions;

  @Mixin private EngineOptions engineOptions;

  @Mixin private VariantOptions variantOptions;

  @Mixin private SeedOptions seedOptions;

  @Mixin private PresetOptions preset;

  /** The engine that evaluates every seed: the one the models trained on. */
  static final EngineKind SEED_ENGINE = Engines.byId(Engines.TRAINING_ENGINE);

  @Override
  public Integer call() throws DatasetException, IOException {
    List<String> archs = archOptions.ids();
    List<EngineKind> kinds = engineOptions.kinds();
    LoadedDataset dataset = data.load();
    OutputLayout layout = data.layout(output.layout());
    PrintWriter out = spec.commandLine().getOut();
    for (String arch : archs) {
      EvaluationReport report = Evaluator.evaluate(layout, arch, dataset, kinds,
          variantOptions.chosen(), EngineSettings.cpuDefaults());
      List<String> evaluated = kinds.stream().map(EngineKind::id).toList();
      List<String> variants = variantOptions.chosen().stream().map(ModelVariant::id).toList();
      for (EngineEvaluation engine : report.engines()) {
        if (!evaluated.contains(engine.engine()) || !variants.contains(engine.variant())) {
          out.printf(Locale.ROOT, "%-8s %-5s %-16s kept from the earlier evaluation of the same"
              + " model file%n", arch, engine.variant(), engine.engine());
          continue;
        }
        out.printf(Locale.ROOT, "%-8s %-5s %-16s accuracy %.2f%% [%.2f, %.2f], macro-F1 %.4f, NLL"
            + " %.4f, ECE %.4f, Brier %.4f%n", arch, engine.variant(), engine.engine(),
            100 * engine.accuracy(), 100 * engine.accuracyLower95(),
            100 * engine.accuracyUpper95(), engine.macroF1(), engine.negativeLogLikelihood(),
            engine.expectedCalibrationError(), engine.brierScore());
      }
      for (VariantComparison comparison : report.againstFloat32()) {
        out.printf(Locale.ROOT, "%-8s %-5s %-16s drop vs fp32 %.2f points [%.2f, %.2f], McNemar"
            + " p = %.2g (%d against %d), agreement %.2f%%%n", arch, comparison.variant(),
            comparison.engine(), 100 * comparison.accuracyDrop(), 100 * comparison.dropLower95(),
            100 * comparison.dropUpper95(), comparison.mcnemarPValue(),
            comparison.float32OnlyCorrect(), comparison.variantOnlyCorrect(),
            100 * comparison.agreement());
      }
      report.notSupported().forEach(pair -> out.printf(Locale.ROOT, "%-8s %-5s %-16s %s%n", arch,
          pair.variant(), pair.engine(), pair.cell()));
      out.printf(Locale.ROOT, "%-8s engines agree on %.2f%% of the test images (max |logit"
          + " difference| %.2e); written to %s%n", arch, 100 * report.agreement().share(),
          report.agreement().maxLogitDifference(), layout.evaluation(arch));
      out.flush();
      evaluateFurtherSeeds(layout, arch, dataset, out);
    }
    return 0;
  }

  /**
   * With --seeds N, the further seeds' models on the test images, with the engine they trained on
   * (seed statistics are about training, not engines, and need no export).
   */
  private void evaluateFurtherSeeds(
      OutputLayout layout, String arch, LoadedDataset dataset, PrintWriter out) throws IOException {
    SeedRuns seeds = seedOptions.of(layout, arch, preset.budget());
    for (long seed : seeds.seeds().subList(1, seeds.count())) {
      OutputLayout seedLayout = seeds.layout(layout, seed);
      EngineEvaluation engine =
          Evaluator.evaluate(seedLayout, arch, dataset, List.of(SEED_ENGINE),
              List.of(ModelVariants.float32()), EngineSettings.cpuDefaults()).engines().get(0);
      out.printf(Locale.ROOT, "%-8s seed %d, %s: accuracy %.2f%%, macro-F1 %.4f, ECE %.4f; written"
          + " to %s%n", arch, seed, engine.engine(), 100 * engine.accuracy(), engine.macroF1(),
          engine.expectedCalibrationError(), seedLayout.evaluation(arch));
      out.flush();
    }
  }
}
