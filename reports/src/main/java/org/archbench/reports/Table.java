package org.archbench.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.Verdict;
import org.archbench.schema.stats.Ratio;

/**
 * One table of the report, with the raw values behind it: the page shows it formatted, and its CSV
 * and JSON downloads carry the values. A {@code null} value is missing (a stage that did not run),
 * shown as such and never as zero.
 *
 * @param id file-name-safe identifier, also the downloads' base name
 * @param title the heading
 * @param columns the columns
 * @param rows the values, one list per row, {@link Number}, {@link String}, {@link Estimate},
 *     {@link Ratio} or {@code null}
 * @param heatmap whether numeric cells are shaded by their share of their row's largest value
 */
public record Table(
    String id, String title, List<Column> columns, List<List<Object>> rows, boolean heatmap) {

  /** What the page shows for a missing value. */
  public static final String MISSING = "missing";

  /**
   * A column.
   *
   * @param key the CSV header and JSON field
   * @param label the page's header
   * @param format a {@link String#format} pattern for numbers, e.g. {@code %.2f}; ignored for text
   * @param scale numbers are multiplied by this for display only (e.g. 100 for percentages)
   * @param share whether a value is a share of a whole, so outside [0, 1] it cannot be true
   * @param kind plain values, {@link Estimate}s (a cost figure with its interval and verdict) or
   *     {@link Ratio}s (one figure over another, with its interval): the downloads spread the
   *     last two over a column each of their parts
   */
  public record Column(
      String key, String label, String format, double scale, boolean share, Kind kind) {

    /** What a column's values are. */
    public enum Kind { PLAIN, ESTIMATE, RATIO }

    public static Column text(String key, String label) {
      return new Column(key, label, "", 1, false, Kind.PLAIN);
    }

    public static Column number(String key, String label, String format) {
      return new Column(key, label, format, 1, false, Kind.PLAIN);
    }

    public static Column percent(String key, String label) {
      return new Column(key, label, "%.2f", 100, true, Kind.PLAIN);
    }

    /** A difference or ratio shown in percent (a drop, a gap, an overhead): any sign, any size. */
    public static Column percentDifference(String key, String label) {
      return new Column(key, label, "%.2f", 100, false, Kind.PLAIN);
    }

    /** A p-value: three significant digits, and "< 1e-300" for what a double cannot tell from 0. */
    public static Column pValue(String key, String label) {
      return new Column(key, label, P_VALUE, 1, true, Kind.PLAIN);
    }

    /**
     * A cost figure: {@link Estimate} values, shown as the value, the half-width of its 95%
     * interval and, unless ok, its verdict.
     */
    public static Column estimate(String key, String label, String format) {
      return new Column(key, label, format, 1, false, Kind.ESTIMATE);
    }

    /** {@link Ratio} values: the ratio, its 95% interval and, unless different, its verdict. */
    public static Column ratio(String key, String label) {
      return new Column(key, label, "%.2f", 1, false, Kind.RATIO);
    }
  }

  /**
   * A formatted cell of the page.
   *
   * @param text what is shown
   * @param missing whether the value is missing
   * @param numeric whether it is a number (right-aligned)
 * @param shade 0 to 1: the heatmap's intensity, 0 outside heatmaps
   * @param invalid whether the value cannot be true (not finite, or a share outside [0, 1]); the
   *     page's problems box names its file
   * @param verdict an estimate's verdict ({@code ok}, {@code noisy}, {@code too few samples});
   *     null for other values
   * @param detail what stands behind an estimate: its interval, forks, samples and target; null
   *     for other values
   */
  public record Cell(String text, boolean missing, boolean numeric, double shade, boolean invalid,
      String verdict, String detail) {

    Cell(String text, boolean missing, boolean numeric, double shade) {
      this(text, missing, numeric, shade, false, null, null);
    }

    /** The text with the verdict beside it unless ok, as plain text shows it: {@code 17 ±9% (noisy)}. */
    public String textWithVerdict() {
      return verdictClass().isEmpty() ? text : text + " (" + verdict + ")";
    }

    /** The verdict as a CSS class: {@code too-few-samples}; empty for ok and for other values. */
    public String verdictClass() {
      return verdict == null || verdict.equals(Verdict.OK.label()) ? "" : verdict.replace(' ', '-');
    }
  }

  /** What an impossible value's cell reads. */
  public static final String INVALID = "invalid";

  /** A plain table. */
  public Table(String id, String title, List<Column> columns, List<List<Object>> rows) {
    this(id, title, columns, rows, false);
  }

  public Table {
    columns = List.copyOf(columns);
    List<List<Object>> copied = new ArrayList<>();
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("table " + id + ": expected " + columns.size()
            + " values per row, found " + row.size());
      }
      copied.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = List.copyOf(copied);
  }

  /**
   * A row of {@code columns} holding {@code leading} in its first cells and nothing after them:
   * the row of a configuration that has no figures, whose first figure cell says why.
   */
  public static List<Object> leadingRow(List<Column> columns, Object... leading) {
    List<Object> row = new ArrayList<>(java.util.Collections.nCopies(columns.size(), null));
    for (int c = 0; c < leading.length; c++) {
      row.set(c, leading[c]);
    }
    return row;
  }

  /** The position of column {@code key} among {@code columns}. */
  public static int index(List<Column> columns, String key) {
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).key().equals(key)) {
        return c;
      }
    }
    throw new IllegalArgumentException("expected a column " + key + ", found "
        + columns.stream().map(Column::key).toList());
  }

  /** The value of column {@code key} in {@code row}, one of this table's rows. */
  public Object value(List<Object> row, String key) {
    try {
      return row.get(index(columns, key));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("table " + id + ": " + e.getMessage(), e);
    }
  }

  /** The rows as the page shows them. */
  public List<List<Cell>> cells() {
    List<List<Cell>> cells = new ArrayList<>();
    for (List<Object> row : rows) {
      double rowMax = row.stream().filter(v -> v instanceof Number)
          .mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(0);
      List<Cell> formatted = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        Cell cell = format(columns.get(c), row.get(c));
        if (heatmap && row.get(c) instanceof Number value && rowMax > 0) {
          // The square root lifts small counts, so that rare mix-ups stay visible.
          cell = new Cell(cell.text(), false, true, Math.sqrt(value.doubleValue() / rowMax));
        }
        formatted.add(cell);
      }
      cells.add(formatted);
    }
    return cells;
  }

  /** {@code 12,192 ±2.1%}, with the verdict and what stands behind it beside. */
  private static Cell format(Column column, Estimate estimate) {
    if (Double.isNaN(estimate.value())) {
      return new Cell(MISSING, true, false, 0);
    }
    if (impossible(column, estimate.value())) {
      return new Cell(INVALID, false, true, 0, true, null, null);
    }
    String text = String.format(Locale.ROOT, column.format(), estimate.value());
    String detail = estimate.forks() + (estimate.forks() == 1 ? " fork, " : " forks, ")
        + String.format(Locale.ROOT, "%,d", estimate.samples()) + " samples; target ±"
        + String.format(Locale.ROOT, "%.0f%%", 100 * estimate.target());
    if (!estimate.halfWidthText().isEmpty()) {
      text += " " + estimate.halfWidthText();
      detail = "95% interval " + String.format(Locale.ROOT, column.format(), estimate.lower95())
          + " to " + String.format(Locale.ROOT, column.format(), estimate.upper95()) + " over "
          + detail;
    } else {
      detail = "no interval: " + detail;
    }
    return new Cell(text, false, true, 0, false, estimate.verdict().label(), detail);
  }

  /** {@code 3.61 [3.10, 4.20]}, and the verdict beside unless the interval excludes 1. */
  private static Cell format(Column column, Ratio ratio) {
    if (Double.isNaN(ratio.ratio())) {
      return new Cell(MISSING, true, false, 0);
    }
    String text = String.format(Locale.ROOT, column.format(), ratio.ratio());
    if (!Double.isNaN(ratio.lower95())) {
      text += String.format(Locale.ROOT, " [" + column.format() + ", " + column.format() + "]",
          ratio.lower95(), ratio.upper95());
    }
    String verdict = ratio.difference() == Ratio.Difference.DIFFERENT
        ? null : ratio.difference().label();
    return new Cell(text, false, true, 0, false, verdict,
        "ratio of the forks' geometric means, Welch's 95% interval on the logs");
  }

  /** The format of {@link Column#pValue} columns. */
  private static final String P_VALUE = "p-value";

  /** Below this a p-value is shown as a bound: the double underflowed, or nearly. */
  private static final double SMALLEST_P_SHOWN = 1e-300;

  /** A value no result file can truly hold in this column: the reader sees "invalid", not it. */
  private static boolean impossible(Column column, double value) {
    return column.share() ? !Plausibility.isShare(value) : !Double.isFinite(value);
  }

  /** {@code p} as the page shows it. */
  static String pValue(double p) {
    return p < SMALLEST_P_SHOWN ? "< 1e-300" : String.format(Locale.ROOT, "%.3g", p);
  }

  static Cell format(Column column, Object value) {
    if (value instanceof Estimate estimate) {
      return format(column, estimate);
    }
    if (value instanceof Ratio ratio) {
      return format(column, ratio);
    }
    if (value == null || (value instanceof Double d && d.isNaN())) {
      return new Cell(MISSING, true, false, 0);
    }
    if (value instanceof Number number && !(value instanceof Integer || value instanceof Long)
        && impossible(column, number.doubleValue())) {
      return new Cell(INVALID, false, true, 0, true, null, null);
    }
    if (column.format().equals(P_VALUE) && value instanceof Number p) {
      return new Cell(pValue(p.doubleValue()), false, true, 0);
    }
    if (value instanceof Number number && !column.format().isEmpty()) {
      double shown = number.doubleValue() * column.scale();
      String pattern = column.format();
      Object argument = pattern.endsWith("d") ? (Object) Math.round(shown) : (Object) shown;
      return new Cell(String.format(Locale.ROOT, pattern, argument), false, true, 0);
    }
    return new Cell(String.valueOf(value), false, value instanceof Number, 0);
  }
}
