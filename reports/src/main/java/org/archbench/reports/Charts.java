package org.archbench.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.Verdict;
import org.archbench.schema.stats.Ratio;

/**
 * The report's charts, drawn by JFreeChart onto JFreeSVG's SVG canvas: inline SVG, no script, no
 * network. Every chart gets its own prefix for the SVG's internal ids, so that many can share a page.
 */
final class Charts {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 400;
  private static final Color GRID = new Color(0xd0, 0xd7, 0xde);
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private int drawn;

  /**
   * Accuracy against a cost, one colour per engine, each point labelled with its architecture and
   * drawn with its two 95% intervals as error bars, and the Pareto frontier as a dashed line through
   * the points nothing beats. A point only the point estimates beat is labelled "(tied)"; a point
   * whose cost figure is not {@code ok} (noisy, too few samples) is starred.
   *
   * @param lowerIsBetter whether less of the cost is better (latency) or more (throughput)
   */
  String pareto(String title, String xLabel, String yLabel, List<Pareto.Standing> standings,
      boolean lowerIsBetter) {
    Map<String, XYIntervalSeries> byEngine = new LinkedHashMap<>();
    Map<String, List<String>> labels = new LinkedHashMap<>();
    for (Pareto.Standing standing : standings) {
      Estimate cost = standing.cost();
      EngineEvaluation accuracy = standing.configuration().accuracy();
      String engine = standing.configuration().engine();
      // A log axis cannot draw an interval that reaches 0: such a bar starts at the point.
      double low = cost.lower95() > 0 ? cost.lower95() : cost.value();
      double high = Double.isFinite(cost.upper95()) ? Math.max(cost.upper95(), low) : cost.value();
      byEngine.computeIfAbsent(engine, e -> new XYIntervalSeries(e, false, true))
          .add(cost.value(), low, high, 100 * accuracy.accuracy(),
              100 * accuracy.accuracyLower95(), 100 * accuracy.accuracyUpper95());
      labels.computeIfAbsent(engine, e -> new ArrayList<>()).add(standing.configuration().arch()
          + (cost.verdict() == Verdict.OK ? "" : "*")
          + (standing.status() == Pareto.Status.TIED ? " (tied)" : ""));
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    XYIntervalSeries frontier = new XYIntervalSeries("Pareto frontier", true, true);
    standings.stream().filter(s -> s.status() == Pareto.Status.FRONTIER).forEach(s -> {
      double accuracy = 100 * s.configuration().accuracy().accuracy();
      frontier.add(s.cost().value(), s.cost().value(), s.cost().value(), accuracy, accuracy,
          accuracy);
    });
    data.addSeries(frontier);
    byEngine.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data,
        PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    LogAxis logX = new LogAxis(xLabel);
    logX.setTickLabelFont(FONT);
    logX.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
    plot.setDomainAxis(logX);
    Range costs = DatasetUtils.findDomainBounds(data, true);
    if (costs != null && costs.getLength() == 0) {
      // One cost without an interval: the automatic range is too narrow to label.
      logX.setRange(costs.getLowerBound() / 2, costs.getUpperBound() * 2);
    }
    NumberAxis accuracy = (NumberAxis) plot.getRangeAxis();
    accuracy.setAutoRangeIncludesZero(false);
    accuracy.setNumberFormatOverride(new DecimalFormat("0.0"));
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setCapLength(3);
    renderer.setSeriesLinesVisible(0, true);
    renderer.setSeriesShapesVisible(0, false);
    renderer.setSeriesPaint(0, Color.GRAY);
    renderer.setSeriesStroke(0, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
        1f, new float[] {4f, 4f}, 0f));
    List<List<String>> seriesLabels = new ArrayList<>(labels.values());
    for (int s = 1; s < data.getSeriesCount(); s++) {
      renderer.setSeriesLinesVisible(s, false);
      renderer.setSeriesShapesVisible(s, true);
      List<String> names = seriesLabels.get(s - 1);
      XYItemLabelGenerator generator = (dataset, series, item) -> names.get(item);
      renderer.setSeriesItemLabelGenerator(s, generator);
      renderer.setSeriesItemLabelsVisible(s, true);
      renderer.setSeriesItemLabelFont(s, FONT);
    }
    plot.setRenderer(renderer);
    return svg(chart);
  }

  /**
   * Ratios' 95% intervals as floating bars, one per configuration and run, against a line at 1:
   * a bar that crosses the line is no detectable difference.
   *
   * @param ratios by run, then by configuration ("cnn on onnxruntime")
   */
  String ratios(String title, Map<String, Map<String, Ratio>> ratios) {
    Map<String, Map<String, double[]>> intervals = new LinkedHashMap<>();
    ratios.forEach((run, byConfiguration) -> {
      Map<String, double[]> bars = new LinkedHashMap<>();
      byConfiguration.forEach((configuration, ratio) -> bars.put(configuration,
          new double[] {ratio.lower95(), ratio.upper95()}));
      intervals.put(run, bars);
    });
    return intervals(title, "ratio", intervals, 1.0);
  }

  /**
   * 95% intervals as floating horizontal bars, one per category and series, and a line at
   * {@code marker} when it is not null.
   *
   * @param intervals by series, then by category: {lower, upper}
   */
  String intervals(String title, String axisLabel, Map<String, Map<String, double[]>> intervals,
      Double marker) {
    List<String> categories = new ArrayList<>();
    intervals.values().forEach(series -> series.keySet().stream()
        .filter(name -> !categories.contains(name)).forEach(categories::add));
    String[] series = intervals.keySet().toArray(String[]::new);
    Number[][] lower = new Number[series.length][categories.size()];
    Number[][] upper = new Number[series.length][categories.size()];
    for (int r = 0; r < series.length; r++) {
      for (int c = 0; c < categories.size(); c++) {
        double[] interval = intervals.get(series[r]).get(categories.get(c));
        lower[r][c] = interval == null ? null : interval[0];
        upper[r][c] = interval == null ? null : interval[1];
      }
    }
    DefaultIntervalCategoryDataset data = new DefaultIntervalCategoryDataset(series,
        categories.toArray(String[]::new), lower, upper);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), new NumberAxis(axisLabel),
        new IntervalBarRenderer());
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    plot.getDomainAxis().setTickLabelFont(FONT);
    if (marker != null) {
      plot.addRangeMarker(new ValueMarker(marker, Color.GRAY, new BasicStroke(1f)));
    }
    JFreeChart chart = new JFreeChart(title, FONT.deriveFont(Font.BOLD, 13f), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    return draw(chart, Math.max(HEIGHT, 80 + 22 * categories.size() * series.length));
  }

  /** Lines through (x, y) pairs, one per named series. */
  String lines(String title, String xLabel, String yLabel, Map<String, List<double[]>> series) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, List<double[]>> entry : series.entrySet()) {
      XYSeries line = new XYSeries(entry.getKey(), false);
      // A point that cannot be drawn (a damaged value: the report's problems name it) is left out.
      entry.getValue().stream()
          .filter(xy -> Double.isFinite(xy[0]) && Double.isFinite(xy[1]) && Math.abs(xy[1]) < 1e12)
          .forEach(xy -> line.add(xy[0], xy[1]));
      data.addSeries(line);
    }
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data,
        PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    fitDomain((NumberAxis) plot.getDomainAxis(), data);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    plot.setRenderer(renderer);
    return svg(chart);
  }

  /**
   * Whole-number ticks for whole-number x values (epochs, severities), and a range of one either
   * side of a single x value, whose automatic range would be too narrow to label (every tick read
   * "1E0").
   */
  private static void fitDomain(NumberAxis axis, XYSeriesCollection data) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean whole = true;
    for (int s = 0; s < data.getSeriesCount(); s++) {
      for (int i = 0; i < data.getItemCount(s); i++) {
        double x = data.getXValue(s, i);
        min = Math.min(min, x);
        max = Math.max(max, x);
        whole &= x == Math.rint(x);
      }
    }
    if (min > max) {
      return;
    }
    if (whole) {
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
    if (min == max) {
      axis.setRange(min - 1, max + 1);
    }
  }

  private String svg(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    chart.getTitle().setFont(FONT.deriveFont(Font.BOLD, 13f));
    return draw(chart, HEIGHT);
  }

  private String draw(JFreeChart chart, int height) {
    SVGGraphics2D canvas = new SVGGraphics2D(WIDTH, height);
    canvas.setDefsKeyPrefix("chart" + (++drawn) + "-");
    chart.draw(canvas, new Rectangle(0, 0, WIDTH, height));
    return canvas.getSVGElement();
  }
}
