package org.archbench.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

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
   * A labelled point.
   *
   * @param series the legend entry it belongs to (an engine)
   * @param label its label (an architecture)
   * @param x the cost
   * @param y the accuracy
   */
  record Point(String series, String label, double x, double y) {}

  /**
   * Accuracy against a cost, one colour per series, each point labelled, and the Pareto frontier
   * drawn as a line through the points no other point beats on both axes.
   *
   * @param lowerIsBetter whether less of x is better (latency) or more (throughput)
   */
  String pareto(String title, String xLabel, String yLabel, List<Point> points,
      boolean lowerIsBetter) {
    Map<String, XYSeries> bySeries = new LinkedHashMap<>();
    Map<String, List<String>> labels = new LinkedHashMap<>();
    for (Point point : points) {
      bySeries.computeIfAbsent(point.series(), s -> new XYSeries(s, false)).add(point.x(), point.y());
      labels.computeIfAbsent(point.series(), s -> new ArrayList<>()).add(point.label());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries frontier = new XYSeries("Pareto frontier", true);
    frontier(points, lowerIsBetter).forEach(p -> frontier.add(p.x(), p.y()));
    data.addSeries(frontier);
    bySeries.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data,
        PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    LogAxis logX = new LogAxis(xLabel);
    logX.setTickLabelFont(FONT);
    logX.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
    plot.setDomainAxis(logX);
    NumberAxis accuracy = (NumberAxis) plot.getRangeAxis();
    accuracy.setAutoRangeIncludesZero(false);
    accuracy.setNumberFormatOverride(new DecimalFormat("0.0"));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
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

  /** The points no other point beats on both cost and accuracy, in order of cost. */
  static List<Point> frontier(List<Point> points, boolean lowerIsBetter) {
    Comparator<Point> byCost = Comparator.comparingDouble(Point::x);
    List<Point> sorted = new ArrayList<>(points);
    sorted.sort(lowerIsBetter ? byCost : byCost.reversed());
    List<Point> frontier = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (Point point : sorted) {
      if (point.y() > best) {
        frontier.add(point);
        best = point.y();
      }
    }
    return frontier;
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
    SVGGraphics2D canvas = new SVGGraphics2D(WIDTH, HEIGHT);
    canvas.setDefsKeyPrefix("chart" + (++drawn) + "-");
    chart.draw(canvas, new Rectangle(0, 0, WIDTH, HEIGHT));
    return canvas.getSVGElement();
  }
}
