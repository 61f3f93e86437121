package org.archbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training curves of every architecture, and seed 001's table with the convergence speed. */
final class TrainingSection {

  private TrainingSection() {}

  static Section build(RunResults run, Charts charts) {
    Section section = new Section("training", "Training");
    if (run.training().isEmpty()) {
      return section.missing("training/*.json (archbench train did not run)");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (String arch : run.archs()) {
      JsonNode training = run.training().get(arch);
      if (training == null) {
        section.missing("training/" + arch + ".json");
        continue;
      }
      JsonNode convergence = run.evaluations().containsKey(arch)
          ? run.evaluations().get(arch).path("convergence") : null;
      rows.add(Arrays.asList(arch, training.path("epochs").size(),
          Json.number(training, "result", "train"), Json.number(training, "result", "validation"),
          Json.number(training, "result", "test"),
          Json.number(training, "result", "trainValidationGap"),
          Json.integer(convergence, "epochsTo88"), Json.number(convergence, "secondsTo88"),
          Json.integer(convergence, "epochsTo90"), Json.number(convergence, "secondsTo90"),
          Json.number(training, "totalTrainSeconds"), meanImagesPerSecond(training)));
      Map<String, List<double[]>> loss = new LinkedHashMap<>();
      Map<String, List<double[]>> accuracy = new LinkedHashMap<>();
      for (JsonNode epoch : training.path("epochs")) {
        double x = epoch.path("epoch").asDouble();
        loss.computeIfAbsent("train", k -> new ArrayList<>()).add(new double[] {x, epoch.path("trainLoss").asDouble()});
        loss.computeIfAbsent("validation", k -> new ArrayList<>()).add(new double[] {x, epoch.path("validationLoss").asDouble()});
        accuracy.computeIfAbsent("train", k -> new ArrayList<>()).add(new double[] {x, 100 * epoch.path("trainAccuracy").asDouble()});
        accuracy.computeIfAbsent("validation", k -> new ArrayList<>()).add(new double[] {x, 100 * epoch.path("validationAccuracy").asDouble()});
      }
      section.figure(arch + ": loss", charts.lines(arch + ": loss per epoch", "epoch", "loss", loss));
      section.figure(arch + ": accuracy",
          charts.lines(arch + ": accuracy per epoch", "epoch", "accuracy, %", accuracy));
    }
    section.table(new Table("training", "Seed 001's table: final accuracy, and how fast each converged",
        List.of(Table.Column.text("arch", "Architecture"),
            Table.Column.number("epochs", "Epochs", "%d"),
            Table.Column.percent("train", "Train %"),
            Table.Column.percent("validation", "Validation %"),
            Table.Column.percent("test", "Test %"),
            Table.Column.percent("gap", "Train-val gap, points"),
            Table.Column.number("epochs_to_88", "Epochs to 88%", "%d"),
            Table.Column.number("seconds_to_88", "Seconds to 88%", "%.0f"),
            Table.Column.number("epochs_to_90", "Epochs to 90%", "%d"),
            Table.Column.number("seconds_to_90", "Seconds to 90%", "%.0f"),
            Table.Column.number("train_seconds", "Train s", "%.0f"),
            Table.Column.number("images_per_second", "Train img/s", "%,.0f")), rows));
    return section;
  }

  private static Double meanImagesPerSecond(JsonNode training) {
    double sum = 0;
    int count = 0;
    for (JsonNode epoch : training.path("epochs")) {
      sum += epoch.path("imagesPerSecond").asDouble();
      count++;
    }
    return count == 0 ? null : sum / count;
  }
}
