package org.archbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Confusion matrices as heatmaps with class names, and the common mix-ups. */
final class ConfusionSection {

  private ConfusionSection() {}

  static Section build(RunResults run) {
    Section section = new Section("confusion", "Confusion matrices and common mix-ups");
    if (run.evaluations().isEmpty()) {
      return section.missing("eval/*.json (archbench evaluate did not run)");
    }
    List<List<Object>> mixUps = new ArrayList<>();
    for (String arch : run.archs()) {
      JsonNode evaluation = run.evaluations().get(arch);
      if (evaluation == null || evaluation.path("engines").isEmpty()) {
        section.missing("eval/" + arch + ".json");
        continue;
      }
      JsonNode engine = evaluation.path("engines").get(0);
      List<String> names = new ArrayList<>();
      engine.path("perClass").forEach(c -> names.add(c.path("name").asText()));
      List<Table.Column> columns = new ArrayList<>();
      columns.add(Table.Column.text("actual", "actual \\ predicted"));
      for (int c = 0; c < names.size(); c++) {
        columns.add(Table.Column.number("predicted_" + c, names.get(c), "%d"));
      }
      List<List<Object>> rows = new ArrayList<>();
      JsonNode matrix = engine.path("confusionMatrix");
      for (int actual = 0; actual < matrix.size(); actual++) {
        List<Object> row = new ArrayList<>();
        row.add(actual < names.size() ? names.get(actual) : String.valueOf(actual));
        matrix.get(actual).forEach(count -> row.add(count.asLong()));
        rows.add(row);
      }
      section.table(new Table("confusion-" + arch,
          arch + " on " + engine.path("engine").asText() + " (rows: true class)", columns, rows, true));
      for (JsonNode mixUp : engine.path("commonMixUps")) {
        mixUps.add(Arrays.asList(arch, mixUp.path("first").asText(), mixUp.path("second").asText(),
            mixUp.path("count").asLong()));
      }
    }
    section.table(new Table("mix-ups", "The most common mix-ups (both directions counted)",
        List.of(Table.Column.text("arch", "Architecture"), Table.Column.text("first", "Class"),
            Table.Column.text("second", "confused with"),
            Table.Column.number("count", "Test images", "%d")), mixUps));
    return section;
  }
}
