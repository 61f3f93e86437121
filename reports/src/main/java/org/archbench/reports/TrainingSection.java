package org.archbench.reports;

import org.archbench.schema.training.TrainingReport;
import org.archbench.schema.training.FinalAccuracy;
import org.archbench.schema.training.EpochRecord;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.eval.Convergence;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training curves of every architecture, and train/validation/test accuracy with the gap and the convergence speed. */
final class TrainingSection {

  private TrainingSection() {}

  static Section build(RunResults run, Charts charts) {
    Section section = new Section("training", "Training");
    if (run.training().isEmpty()) {
      return section.missing("training/*.json (archbench train did not run)");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (String arch : run.archs()) {
      TrainingReport training = run.training().get(arch);
      if (training == null) {
        section.missing("training/" + arch + ".json");
        continue;
      }
      Optional<Convergence> convergence = Optional.ofNullable(run.evaluations().get(arch))
          .map(EvaluationReport::convergence);
      Optional<FinalAccuracy> result = Optional.ofNullable(training.result());
      rows.add(Arrays.asList(arch, training.epochs().size(),
          result.map(FinalAccuracy::train).orElse(null),
          result.map(FinalAccuracy::trainImagesMeasured).orElse(null),
          result.map(FinalAccuracy::validation).orElse(null),
          result.map(FinalAccuracy::test).orElse(null),
          result.map(FinalAccuracy::trainValidationGap).orElse(null),
          convergence.map(Convergence::epochsTo88).map(Long::valueOf).orElse(null),
          convergence.map(Convergence::secondsTo88).orElse(null),
          convergence.map(Convergence::epochsTo90).map(Long::valueOf).orElse(null),
          convergence.map(Convergence::secondsTo90).orElse(null),
          training.totalTrainSeconds(), meanImagesPerSecond(training)));
      Map<String, List<double[]>> loss = new LinkedHashMap<>();
      Map<String, List<double[]>> accuracy = new LinkedHashMap<>();
      for (EpochRecord epoch : training.epochs()) {
        double x = epoch.epoch();
        loss.computeIfAbsent("train", k -> new ArrayList<>()).add(new double[] {x, epoch.trainLoss()});
        accuracy.computeIfAbsent("train", k -> new ArrayList<>()).add(new double[] {x, 100 * epoch.trainAccuracy()});
        if (epoch.validated()) {
          loss.computeIfAbsent("validation", k -> new ArrayList<>()).add(new double[] {x, epoch.validationLoss()});
          accuracy.computeIfAbsent("validation", k -> new ArrayList<>()).add(new double[] {x, 100 * epoch.validationAccuracy()});
        }
      }
      section.figure(arch + ": loss",
          () -> charts.lines(arch + ": loss per epoch", "epoch", "loss", loss));
      section.figure(arch + ": accuracy",
          () -> charts.lines(arch + ": accuracy per epoch", "epoch", "accuracy, %", accuracy));
    }
    section.table(new Table("training", "Train, validation and test accuracy, the gap, and how fast each converged",
        List.of(Table.Column.text("arch", "Architecture"),
            Table.Column.number("epochs", "Epochs", "%d"),
            Table.Column.percent("train", "Train %"),
            // Newer runs measure the train accuracy on a seeded sample, as large as the
            // validation split; blank for a run that measured every training image.
            Table.Column.number("train_images", "Train % over images", "%,d"),
            Table.Column.percent("validation", "Validation %"),
            Table.Column.percent("test", "Test %"),
            Table.Column.percentDifference("gap", "Train-val gap, points"),
            Table.Column.number("epochs_to_88", "Epochs to 88%", "%d"),
            Table.Column.number("seconds_to_88", "Seconds to 88%", "%.0f"),
            Table.Column.number("epochs_to_90", "Epochs to 90%", "%d"),
            Table.Column.number("seconds_to_90", "Seconds to 90%", "%.0f"),
            Table.Column.number("train_seconds", "Train s", "%.0f"),
            Table.Column.number("images_per_second", "Train img/s", "%,.0f")), rows));
    return section;
  }

  private static Double meanImagesPerSecond(TrainingReport training) {
    double sum = 0;
    int count = 0;
    for (EpochRecord epoch : training.epochs()) {
      sum += epoch.imagesPerSecond();
      count++;
    }
    return count == 0 ? null : sum / count;
  }
}
