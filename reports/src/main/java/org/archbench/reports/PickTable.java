package org.archbench.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import org.archbench.schema.jmh.Estimate;

/**
 * "Which should I pick?": for a ladder of accuracy targets taken from the data (each
 * configuration's lower 95% accuracy bound), the configurations that clear the target with
 * confidence, and the cheapest of them by batch-1 p99 latency, by batch-256 throughput and by peak
 * RSS. Configurations whose figure no measurement tells apart from the cheapest's are listed as
 * tied with it.
 */
public final class PickTable {

  /** The table's id: its downloads are tables/picks.csv and .json. */
  static final String ID = "picks";

  /** A figure picked by: its name, its column's key and format, how to read it, which way is good. */
  private record Criterion(String label, String key, String format,
      Function<Configuration, Estimate> figure, boolean lowerIsBetter) {}

  private static final List<Criterion> CRITERIA = List.of(
      new Criterion("lowest b1 p99 us", "p99_us", "%,.1f", Configuration::p99, true),
      new Criterion("highest b256 img/s", "b256_images_per_s", "%,.0f",
          Configuration::imagesPerSecond256, false),
      new Criterion("lowest peak RSS MiB", "peak_rss_mib", "%,.0f", Configuration::peakRss, true));

  private PickTable() {}

  /** The pick table of the run in {@code directory}, as the report's first section shows it. */
  public static Table of(Path directory) throws IOException {
    return of(Configuration.of(RunResults.read(directory)));
  }

  static Table of(List<Configuration> configurations) {
    List<Configuration> accurate = configurations.stream()
        .filter(Configuration::hasAccuracy).toList();
    // Highest target first: the reader looks down the ladder to the accuracy they need.
    TreeSet<Double> targets = new TreeSet<>(Comparator.reverseOrder());
    accurate.forEach(c -> targets.add(c.accuracy().accuracyLower95()));
    List<Table.Column> columns = new ArrayList<>(List.of(
        Table.Column.percent("accuracy_at_least", "Accuracy at least %"),
        Table.Column.number("clearing", "Configurations clearing it", "%d")));
    for (Criterion criterion : CRITERIA) {
      columns.add(Table.Column.text(criterion.key() + "_pick", "Pick: " + criterion.label()));
      columns.add(Table.Column.estimate(criterion.key(), criterion.label(), criterion.format()));
      columns.add(Table.Column.text(criterion.key() + "_tied", "Tied with it"));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (double target : targets) {
      List<Configuration> clearing = accurate.stream()
          .filter(c -> c.accuracy().accuracyLower95() >= target).toList();
      List<Object> row = new ArrayList<>(Arrays.asList(target, clearing.size()));
      for (Criterion criterion : CRITERIA) {
        row.addAll(pick(clearing, criterion));
      }
      rows.add(row);
    }
    return new Table(ID, "Which should I pick? For each accuracy you can count on (a"
        + " configuration's lower 95% bound), the cheapest configuration that clears it, and those"
        + " no measurement tells apart from it", columns, rows);
  }

  /** The cheapest of {@code clearing} by {@code criterion}: its name, figure and ties. */
  private static List<Object> pick(List<Configuration> clearing, Criterion criterion) {
    Configuration best = null;
    Estimate bestFigure = null;
    for (Configuration candidate : clearing) {
      Estimate figure = criterion.figure().apply(candidate);
      if (figure == null || !(figure.value() > 0) || !Plausibility.isCost(figure.value())) {
        continue;
      }
      if (best == null || (criterion.lowerIsBetter()
          ? figure.value() < bestFigure.value() : figure.value() > bestFigure.value())) {
        best = candidate;
        bestFigure = figure;
      }
    }
    if (best == null) {
      return Arrays.asList(null, null, null);
    }
    List<String> tied = new ArrayList<>();
    for (Configuration candidate : clearing) {
      Estimate figure = criterion.figure().apply(candidate);
      if (candidate != best && figure != null && figure.value() > 0
          && Dominance.cost(figure, bestFigure, criterion.lowerIsBetter())
              == Dominance.Comparison.TIED) {
        tied.add(candidate.name());
      }
    }
    return Arrays.asList(best.name(), bestFigure, String.join(", ", tied));
  }

  /**
   * The table as the console prints it: one block per accuracy target, one line per figure.
   */
  public static String text(Table picks) {
    StringBuilder text = new StringBuilder("Which should I pick? (accuracy: the lower end of its 95%"
        + " interval; ± the cost's 95% interval)\n");
    if (picks.rows().isEmpty()) {
      return text.append("  nothing to pick from: no configuration was evaluated\n").toString();
    }
    List<Table.Column> columns = picks.columns();
    for (List<Table.Cell> row : picks.cells()) {
      text.append(String.format(Locale.ROOT, "accuracy >= %s%% (%s clear it)%n",
          row.get(0).text(), row.get(1).text()));
      boolean measured = false;
      for (int c = 3; c < row.size(); c += 3) {
        measured |= !row.get(c).missing();
      }
      if (!measured) {
        text.append("  no cost figure measured for them\n");
        continue;
      }
      for (int c = 2; c + 2 < row.size(); c += 3) {
        Table.Cell figure = row.get(c + 1);
        if (figure.missing()) {
          text.append(String.format(Locale.ROOT, "  %-20s not measured%n",
              columns.get(c + 1).label() + ":"));
          continue;
        }
        String tied = row.get(c + 2).missing() || row.get(c + 2).text().isEmpty()
            ? "" : "  tied: " + row.get(c + 2).text();
        text.append(String.format(Locale.ROOT, "  %-20s %-28s %s%s%n",
            columns.get(c + 1).label() + ":", row.get(c).text(), figure.textWithVerdict(), tied));
      }
    }
    return text.toString();
  }
}
