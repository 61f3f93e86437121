package org.archbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.archbench.harness.PresetBudget;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.study.TransferStudy;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.stats.SignificancePair;
import org.archbench.schema.study.TestAccuracy;
import org.archbench.schema.study.TransferReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archbench transfer}: when a pretrained convolutional base helps, frozen or fine-tuned. */
@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Transfer learning: pretrain an architecture on half of the dataset's classes (for"
          + " Fashion-MNIST T-shirt/top, Trouser, Pullover, Sandal, Bag), then train it on the"
          + " other half three ways with the same epochs: from scratch, the pretrained base frozen"
          + " under a new head, and frozen then fine-tuned at a tenth of the learning rate; at each"
          + " label budget (images per class). Accuracy with 95%% intervals on the target classes'"
          + " test images, training time, and McNemar between the regimes. Needs the"
          + " architecture's trained model (archbench train), whose config every model keeps.",
      "Writes OUT/transfer/<arch>.json; the models go to OUT/transfer/runs/<arch>/ and are reused,"
          + " or resumed after a crash, by a later run."
    })
final class TransferCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataOptions data;

  @Mixin private OutputOptions output;

  @Mixin private ArchOptions archOptions;

  @Option(names = "--transfer-archs", split = ",", paramLabel = "ID",
      description = "Architectures to study, among --archs (default: the preset's: vgg).")
  private List<String> transferArchs;

  @Mixin private PresetOptions preset;

  @Override
  public Integer call() throws DatasetException, IOException {
    PresetBudget budget = preset.budget();
    PrintWriter out = spec.commandLine().getOut();
    List<String> archs = StudyArchs.of(transferArchs != null ? transferArchs : budget.transferArchs(),
        archOptions.ids(), "transfer study", out);
    if (archs.isEmpty()) {
      return 0;
    }
    TransferStudy study =
        new TransferStudy(data.layout(output.layout()), data.load(), EngineSettings.cpuDefaults());
    for (String arch : archs) {
      TransferReport report = study.run(arch, budget.transfer());
      out.printf(Locale.ROOT, "%-8s %-26s %s on the source classes' test images%s%n", arch,
          "pretrained", accuracy(report.source().test()),
          report.source().reused() ? " (reused model)" : "");
      for (TransferReport.LabelBudget labelBudget : report.budgets()) {
        String images = labelBudget.imagesPerClass() == 0
            ? "all images" : labelBudget.imagesPerClass() + " per class";
        for (TransferReport.Regime regime : labelBudget.regimes()) {
          out.printf(Locale.ROOT, "%-8s %-26s %s, trained in %.0f s%s%n", arch,
              regime.id() + ", " + images, accuracy(regime.test()), regime.trainSeconds(),
              regime.reused() ? " (reused model)" : "");
        }
        for (SignificancePair pair : labelBudget.comparisons()) {
          out.printf(Locale.ROOT, "%-8s %-26s %s vs %s: %s (McNemar, Holm p = %.3g)%n", arch,
              "", pair.first(), pair.second(), verdict(pair), pair.holmPValue());
        }
      }
      out.flush();
    }
    return 0;
  }

  static String accuracy(TestAccuracy test) {
    return String.format(Locale.ROOT, "accuracy %.2f%% [%.2f, %.2f]", 100 * test.accuracy(),
        100 * test.accuracyLower95(), 100 * test.accuracyUpper95());
  }

  static String verdict(SignificancePair pair) {
    if (!pair.significant()) {
      return "no detectable difference";
    }
    return (pair.firstOnlyCorrect() > pair.secondOnlyCorrect() ? pair.first() : pair.second())
        + " better";
  }
}
