package org.archbench.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.archbench.harness.PresetBudget;
import org.archbench.harness.data.DatasetException;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.imbalance.ImbalanceReport;
import org.archbench.harness.imbalance.ImbalanceStudy;
import org.archbench.schema.training.ImbalanceProfile;
import org.archbench.schema.training.LongTail;
import org.archbench.schema.training.Mitigation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archbench imbalance}: training on long-tailed subsets, with and without mitigations. */
@Command(
    name = "imbalance",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Train each architecture on long-tailed subsets of the training split with the balanced"
          + " model's own training config, and test on the balanced test set: accuracy, macro-F1,"
          + " per-class recall, minimum class recall, mean recall of the 3 rarest classes, and the"
          + " drop against balanced training. Needs the balanced model (archbench train).",
      "Writes OUT/imbalance/<arch>.json; the models go to OUT/imbalance/runs/<setting>/ and are"
          + " reused, or resumed after a crash, by a later run."
    })
final class ImbalanceCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataOptions data;

  @Mixin private OutputOptions output;

  @Mixin private ArchOptions archOptions;

  @Option(names = "--profiles", split = ",", paramLabel = "PROFILE",
      description = "Long-tail profiles, comma-separated: exp-rhoR (n_i = n_max * R^(-i/9)) or"
          + " step-rhoR (half the classes at n_max / R); the full study is"
          + " exp-rho10,exp-rho100,step-rho10 (default: the preset's; full runs all three, the"
          + " others exp-rho100).")
  private List<String> profiles;

  @Option(names = "--mitigations", split = ",", paramLabel = "M",
      description = "Mitigations, comma-separated: none, reweight (class-balanced loss, Cui et al.),"
          + " oversample (default: the preset's; full runs all three, the others none,reweight).")
  private List<String> mitigations;

  @Option(names = "--epoch-share", paramLabel = "S", defaultValue = "1",
      description = "Epochs of each long-tailed training as a share of the balanced model's,"
          + " rounded up, in (0, 1] (default: ${DEFAULT-VALUE}, as many). Cheaper below 1, but the"
          + " drop then holds under-fitting as well as imbalance; the settings still train alike.")
  private double epochShare;

  @Mixin private PresetOptions preset;

  @Override
  public Integer call() throws DatasetException, IOException {
    List<String> archs = archOptions.ids();
    List<LongTail> longTails = longTails();
    ImbalanceStudy study =
        new ImbalanceStudy(data.layout(output.layout()), data.load(), EngineSettings.cpuDefaults());
    PrintWriter out = spec.commandLine().getOut();
    for (String arch : archs) {
      ImbalanceReport report = study.run(arch, longTails, epochShare);
      ImbalanceReport.TestFigures balanced = report.balanced();
      out.printf(Locale.ROOT, "%-8s %-26s accuracy %.2f%%, macro-F1 %.4f, minimum class recall %.2f%%%n",
          arch, "balanced", 100 * balanced.accuracy(), balanced.macroF1(),
          100 * balanced.minimumClassRecall());
      for (ImbalanceReport.Run run : report.runs()) {
        out.printf(Locale.ROOT,
            "%-8s %-26s accuracy %.2f%% (drop %.2f points), macro-F1 %.4f, minimum class recall"
                + " %.2f%%, 3 rarest %.2f%%%s%n",
            arch, run.id(), 100 * run.test().accuracy(), 100 * run.accuracyDrop(),
            run.test().macroF1(), 100 * run.test().minimumClassRecall(),
            100 * run.meanRecallOfRarest(), run.reused() ? " (reused model)" : "");
      }
      out.flush();
    }
    return 0;
  }

  /** Every profile with every mitigation, profiles outermost; bad ids fail before any training. */
  private List<LongTail> longTails() {
    PresetBudget budget = preset.budget();
    List<Mitigation> chosen = (mitigations != null ? mitigations : budget.imbalanceMitigations())
        .stream().map(Mitigation::byId).toList();
    List<LongTail> longTails = new ArrayList<>();
    for (String profile : profiles != null ? profiles : budget.imbalanceProfiles()) {
      ImbalanceProfile parsed = ImbalanceProfile.parse(profile);
      for (Mitigation mitigation : chosen) {
        longTails.add(LongTail.of(parsed, mitigation));
      }
    }
    return longTails;
  }
}
