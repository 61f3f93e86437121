package org.archbench.reports;

import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.eval.EngineEvaluation;
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
      EvaluationReport evaluation = run.evaluations().get(arch);
      if (evaluation == null || evaluation.engines().isEmpty()) {
        section.missing("eval/" + arch + ".json");
        continue;
      }
      EngineEvaluation engine = evaluation.engines().get(0);
      List<String> names = engine.perClass().stream().map(EngineEvaluation.ClassMetrics::name).toList();
      List<Table.Column> columns = new ArrayList<>();
      columns.add(Table.Column.text("actual", "actual \\ predicted"));
      for (int c = 0; c < names.size(); c++) {
        columns.add(Table.Column.number("predicted_" + c, names.get(c), "%d"));
      }
      List<List<Object>> rows = new ArrayList<>();
      long[][] matrix = engine.confusionMatrix();
      for (int actual = 0; actual < matrix.length; actual++) {
        List<Object> row = new ArrayList<>();
        row.add(actual < names.size() ? names.get(actual) : String.valueOf(actual));
        for (long count : matrix[actual]) {
          row.add(count);
        }
        rows.add(row);
      }
      section.table(new Table("confusion-" + arch,
          arch + " on " + engine.engine() + " (rows: true class)", columns, rows, true));
      for (EngineEvaluation.MixUp mixUp : engine.commonMixUps()) {
        mixUps.add(Arrays.asList(arch, mixUp.first(), mixUp.second(), mixUp.count()));
      }
    }
    section.table(new Table("mix-ups", "The most common mix-ups (both directions counted)",
        List.of(Table.Column.text("arch", "Architecture"), Table.Column.text("first", "Class"),
            Table.Column.text("second", "confused with"),
            Table.Column.number("count", "Test images", "%d")), mixUps));
    return section;
  }
}
