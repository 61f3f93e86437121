package org.archbench.app.cli;

import org.archbench.harness.engine.Engines;
import org.archbench.schema.stats.SignificancePair;
import org.archbench.schema.stats.McNemarMethod;
import org.archbench.harness.evaluation.SeedSpread;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.SeedRuns;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.evaluation.PairwiseSignificance;
import org.archbench.harness.evaluation.RecordedPredictions;
import org.archbench.schema.provenance.MeasuredModel;
import org.archbench.schema.stats.SeedStatistics;
import org.archbench.schema.stats.StatisticsReport;
import org.archbench.schema.io.JsonFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archbench stats}: are the differences between architectures significant? */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "McNemar's test between every pair of evaluated architectures on the same test images (exact"
          + " below 25 discordant images), Holm-corrected; with --seeds N >= 2, the mean, standard"
          + " deviation and 95%% t-interval of each metric over the seeds. Writes OUT/stats.json."
    })
final class StatsCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataOptions data;

  @Mixin private OutputOptions output;

  @Mixin private ArchOptions archOptions;

  @Mixin private SeedOptions seedOptions;

  @Mixin private PresetOptions preset;

  @Option(names = "--engine", paramLabel = "ID", defaultValue = "onnxruntime",
      description = "Whose predictions to compare (default: ${DEFAULT-VALUE}).")
  private String engine;

  @Override
  public Integer call() throws DatasetException, IOException {
    List<String> archs = archOptions.ids();
    String engineId = Engines.byId(engine).id();
    LabeledImages test = data.load().test();
    OutputLayout layout = data.layout(output.layout());
    Map<String, boolean[]> correctByArch = new LinkedHashMap<>();
    List<MeasuredModel> models = new ArrayList<>();
    for (String arch : archs) {
      RecordedPredictions recorded = RecordedPredictions.read(layout, arch, engineId, test);
      if (recorded.model() != null) {
        models.add(recorded.model());
      }
      int[] predicted = recorded.predicted();
      boolean[] correct = new boolean[predicted.length];
      for (int i = 0; i < predicted.length; i++) {
        correct[i] = predicted[i] == test.label(i);
      }
      correctByArch.put(arch, correct);
    }
    List<SignificancePair> pairs = PairwiseSignificance.test(correctByArch);
    List<SeedStatistics> seedStatistics = new ArrayList<>();
    for (String arch : archs) {
      SeedRuns seeds = seedOptions.of(layout, arch, preset.budget());
      if (seeds.count() > 1) {
        seedStatistics.add(SeedSpread.read(layout, arch, seeds, EvaluateCommand.SEED_ENGINE));
      }
    }
    JsonFiles.write(layout.statistics(), new StatisticsReport(engineId, PairwiseSignificance.ALPHA,
        pairs, seedStatistics, Instant.now().toString(), models));
    PrintWriter out = spec.commandLine().getOut();
    for (SignificancePair pair : pairs) {
      out.printf(Locale.ROOT,
          "%-7s %.2f%% vs %-7s %.2f%%: b=%d c=%d, p=%.3g (%s), Holm p=%.3g: %s%n", pair.first(),
          100 * pair.firstAccuracy(), pair.second(), 100 * pair.secondAccuracy(),
          pair.firstOnlyCorrect(), pair.secondOnlyCorrect(), pair.pValue(),
          pair.method() == McNemarMethod.EXACT_BINOMIAL
              ? "exact" : "chi-square",
          pair.holmPValue(), pair.significant() ? "significant" : "not significant");
    }
    for (SeedStatistics seeds : seedStatistics) {
      for (SeedStatistics.MetricSummary metric : seeds.metrics()) {
        out.printf(Locale.ROOT, "%-7s %-9s over %d seeds: mean %.4f, std %.4f, 95%% t-interval"
                + " [%.4f, %.4f]%n", seeds.arch(), metric.metric(), seeds.seeds().size(),
            metric.mean(), metric.standardDeviation(), metric.lower95(), metric.upper95());
      }
    }
    out.printf("written to %s%n", layout.statistics());
    out.flush();
    return 0;
  }
}
