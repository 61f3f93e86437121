package org.archbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** McNemar's test between every pair of architectures, and the spread over seeds. */
final class StatisticsSection {

  private StatisticsSection() {}

  static Section build(RunResults run) {
    Section section = new Section("statistics", "Statistics");
    if (run.statistics().isEmpty()) {
      return section.missing("stats.json (archbench stats did not run)");
    }
    JsonNode stats = run.statistics().get();
    section.note(String.format(java.util.Locale.ROOT, "McNemar's test on the %s predictions of the"
        + " same test images (exact below 25 discordant images), Holm-corrected at %.0f%%"
        + " family-wise; * marks a significant difference.", stats.path("engine").asText(),
        100 * stats.path("alpha").asDouble(0.05)));
    List<String> archs = new ArrayList<>();
    for (JsonNode pair : stats.path("pairs")) {
      for (String arch : List.of(pair.path("first").asText(), pair.path("second").asText())) {
        if (!archs.contains(arch)) {
          archs.add(arch);
        }
      }
    }
    List<Table.Column> columns = new ArrayList<>();
    columns.add(Table.Column.text("arch", ""));
    archs.forEach(a -> columns.add(Table.Column.text(a, a)));
    List<List<Object>> matrix = new ArrayList<>();
    for (String row : archs) {
      List<Object> cells = new ArrayList<>();
      cells.add(row);
      for (String column : archs) {
        cells.add(row.equals(column) ? "" : verdict(stats, row, column));
      }
      matrix.add(cells);
    }
    section.table(new Table("mcnemar", "Holm-corrected p-values", columns, matrix));
    List<List<Object>> pairs = new ArrayList<>();
    for (JsonNode pair : stats.path("pairs")) {
      pairs.add(Arrays.asList(pair.path("first").asText(), pair.path("second").asText(),
          Json.number(pair, "firstAccuracy"), Json.number(pair, "secondAccuracy"),
          Json.integer(pair, "firstOnlyCorrect"), Json.integer(pair, "secondOnlyCorrect"),
          pair.path("method").asText(), Json.number(pair, "pValue"),
          Json.number(pair, "holmPValue"), pair.path("significant").asBoolean() ? "yes" : "no"));
    }
    section.table(new Table("mcnemar-pairs", "Every pair", List.of(
        Table.Column.text("first", "First"), Table.Column.text("second", "Second"),
        Table.Column.percent("first_accuracy", "First %"),
        Table.Column.percent("second_accuracy", "Second %"),
        Table.Column.number("first_only_correct", "Only first right", "%d"),
        Table.Column.number("second_only_correct", "Only second right", "%d"),
        Table.Column.text("method", "Test"), Table.Column.number("p", "p", "%.3g"),
        Table.Column.number("holm_p", "Holm p", "%.3g"),
        Table.Column.text("significant", "Significant")), pairs));
    List<List<Object>> seeds = new ArrayList<>();
    for (JsonNode arch : stats.path("seeds")) {
      for (JsonNode metric : arch.path("metrics")) {
        seeds.add(Arrays.asList(arch.path("arch").asText(), arch.path("seeds").size(),
            metric.path("metric").asText(), Json.number(metric, "mean"),
            Json.number(metric, "standardDeviation"), Json.number(metric, "lower95"),
            Json.number(metric, "upper95")));
      }
    }
    if (seeds.isEmpty()) {
      section.note("One seed per architecture: run with -Dbench.seeds=N for intervals over seeds.");
    } else {
      section.table(new Table("seeds", "Over training seeds: mean, standard deviation, 95% t-interval",
          List.of(Table.Column.text("arch", "Architecture"),
              Table.Column.number("seeds", "Seeds", "%d"), Table.Column.text("metric", "Metric"),
              Table.Column.number("mean", "Mean", "%.4f"),
              Table.Column.number("std", "Std", "%.4f"),
              Table.Column.number("lower95", "95% low", "%.4f"),
              Table.Column.number("upper95", "95% high", "%.4f")), seeds));
    }
    return section;
  }

  private static String verdict(JsonNode stats, String first, String second) {
    for (JsonNode pair : stats.path("pairs")) {
      String a = pair.path("first").asText();
      String b = pair.path("second").asText();
      if ((a.equals(first) && b.equals(second)) || (a.equals(second) && b.equals(first))) {
        return String.format(java.util.Locale.ROOT, "%.3g%s", pair.path("holmPValue").asDouble(),
            pair.path("significant").asBoolean() ? " *" : "");
      }
    }
    return null;
  }
}
