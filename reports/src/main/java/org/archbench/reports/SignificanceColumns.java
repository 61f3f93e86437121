package org.archbench.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.archbench.schema.stats.SignificancePair;

/** The columns of a table of McNemar pairs, and one pair's cells: every table of tests reads alike. */
final class SignificanceColumns {

  private SignificanceColumns() {}

  static List<Table.Column> columns() {
    return List.of(
        Table.Column.text("first", "First"), Table.Column.text("second", "Second"),
        Table.Column.percent("first_accuracy", "First %"),
        Table.Column.percent("second_accuracy", "Second %"),
        Table.Column.number("first_only_correct", "Only first right", "%d"),
        Table.Column.number("second_only_correct", "Only second right", "%d"),
        Table.Column.text("method", "Test"), Table.Column.pValue("p", "p"),
        Table.Column.pValue("holm_p", "Holm p"),
        Table.Column.text("verdict", "Verdict"));
  }

  static List<Object> cells(SignificancePair pair) {
    return new ArrayList<>(Arrays.asList(pair.first(), pair.second(), pair.firstAccuracy(),
        pair.secondAccuracy(), pair.firstOnlyCorrect(), pair.secondOnlyCorrect(),
        pair.method() == null ? null : pair.method().name(), pair.pValue(), pair.holmPValue(),
        verdict(pair)));
  }

  /** "fine-tuned better", or {@value HeadToHeadSection#NO_DIFFERENCE} when Holm's p is not below alpha. */
  static String verdict(SignificancePair pair) {
    if (!pair.significant()) {
      return HeadToHeadSection.NO_DIFFERENCE;
    }
    return (pair.firstOnlyCorrect() > pair.secondOnlyCorrect() ? pair.first() : pair.second())
        + " better";
  }
}
