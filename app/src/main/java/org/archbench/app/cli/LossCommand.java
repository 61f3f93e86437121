package org.archbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.archbench.harness.PresetBudget;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.study.LossStudy;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.study.LossReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archbench loss}: mean squared error on the softmax against cross-entropy. */
@Command(
    name = "loss",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Train an architecture with mean squared error on its softmax outputs and otherwise exactly"
          + " as its trained model (archbench train, cross-entropy) was trained; test both on the"
          + " whole test set: accuracy with 95%% intervals, McNemar between the two, and the"
          + " validation accuracy after every epoch of each.",
      "Writes OUT/loss/<arch>.json; the models go to OUT/loss/runs/softmax-mse/ and are reused, or"
          + " resumed after a crash, by a later run."
    })
final class LossCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataOptions data;

  @Mixin private OutputOptions output;

  @Mixin private ArchOptions archOptions;

  @Option(names = "--loss-archs", split = ",", paramLabel = "ID",
      description = "Architectures to study, among --archs (default: the preset's: full mlp,cnn,"
          + " the others mlp).")
  private List<String> lossArchs;

  @Mixin private PresetOptions preset;

  @Override
  public Integer call() throws DatasetException, IOException {
    PresetBudget budget = preset.budget();
    PrintWriter out = spec.commandLine().getOut();
    List<String> archs = StudyArchs.of(lossArchs != null ? lossArchs : budget.lossArchs(),
        archOptions.ids(), "loss study", out);
    if (archs.isEmpty()) {
      return 0;
    }
    LossStudy study =
        new LossStudy(data.layout(output.layout()), data.load(), EngineSettings.cpuDefaults());
    for (String arch : archs) {
      LossReport report = study.run(arch);
      for (LossReport.Run run : report.runs()) {
        out.printf(Locale.ROOT, "%-8s %-14s %s, trained in %.0f s%s%n", arch, run.loss(),
            TransferCommand.accuracy(run.test()), run.trainSeconds(),
            run.reused() ? " (reused model)" : "");
      }
      out.printf(Locale.ROOT, "%-8s %-14s %s vs %s: %s (McNemar p = %.3g)%n", arch, "",
          report.comparison().first(), report.comparison().second(),
          TransferCommand.verdict(report.comparison()), report.comparison().pValue());
      out.flush();
    }
    return 0;
  }
}
