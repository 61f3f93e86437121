package org.archbench.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureKind;

/**
 * "Which should I pick?": for a ladder of accuracy targets taken from the data (each
 * configuration's lower 95% accuracy bound), the configurations that clear the target with
 * confidence, and the cheapest of them by batch-1 p99 latency, by batch-256 throughput and by peak
 * RSS.
 *
 * <p>Where the run measured its configurations in blocks, the cheapest is read off the paired
 * comparisons ({@link PairedPick}): beside it stand the configurations equivalent to it within the
 * margin and, apart, those the blocks have not yet told apart from it, and each cell says whether
 * it is decided. An older run, without paired comparisons, keeps the unpaired reading: the
 * configurations whose figure no measurement tells apart from the cheapest's are listed as tied.
 */
public final class PickTable {

  /** The table's id: its downloads are tables/picks.csv and .json. */
  static final String ID = "picks";

  /** What the verdict column of a cell decided by the paired comparisons reads. */
  static final String DECIDED = "decided";

  /** What the verdict column of a cell with a competitor not yet told apart reads. */
  static final String UNDECIDED = "undecided";

  /**
   * What the verdict column reads where the run compared no configurations on the figure: the
   * competitors listed as not told apart are those whose unpaired intervals overlap.
   */
  static final String UNPAIRED = "no paired comparison";

  /** The suffix of a criterion's verdict column's key. */
  static final String VERDICT = "_verdict";

  /**
   * A figure picked by: its name, its column's key and format, how to read it, which way is good,
   * and the measure and figure its paired comparisons are of.
   */
  private record Criterion(String label, String key, String format,
      Function<Configuration, Estimate> figure, boolean lowerIsBetter, CostMeasure measure,
      FigureKind compared) {}

  private static final List<Criterion> CRITERIA = List.of(
      new Criterion("lowest b1 p99 us", "p99_us", "%,.1f", Configuration::p99, true,
          CostMeasure.BATCH_ONE_LATENCY, FigureKind.P99),
      new Criterion("highest b256 img/s", "b256_images_per_s", "%,.0f",
          Configuration::imagesPerSecond256, false, CostMeasure.BATCH_256_THROUGHPUT,
          FigureKind.MEAN),
      new Criterion("lowest peak RSS MiB", "peak_rss_mib", "%,.0f", Configuration::peakRss, true,
          CostMeasure.BATCH_256_THROUGHPUT, FigureKind.PEAK_RSS));

  private PickTable() {}

  /** The pick table of the run in {@code directory}, as the report's first section shows it. */
  public static Table of(Path directory) throws IOException {
    return of(RunResults.read(directory));
  }

  /** The pick table of {@code run}, by its paired comparisons where it has them. */
  static Table of(RunResults run) {
    return of(Configuration.of(run), PairedComparisons.of(run));
  }

  /** The pick table by unpaired statistics, as for a run without paired comparisons. */
  static Table of(List<Configuration> configurations) {
    return of(configurations, PairedComparisons.NONE);
  }

  static Table of(List<Configuration> configurations, PairedComparisons comparisons) {
    List<Configuration> accurate = configurations.stream()
        .filter(Configuration::hasAccuracy).toList();
    // Highest target first: the reader looks down the ladder to the accuracy they need.
    TreeSet<Double> targets = new TreeSet<>(Comparator.reverseOrder());
    accurate.forEach(c -> targets.add(c.accuracy().accuracyLower95()));
    boolean paired = !comparisons.none();
    List<Table.Column> columns = new ArrayList<>(List.of(
        Table.Column.percent("accuracy_at_least", "Accuracy at least %"),
        Table.Column.number("clearing", "Configurations clearing it", "%d")));
    for (Criterion criterion : CRITERIA) {
      columns.add(Table.Column.text(criterion.key() + "_pick", "Pick: " + criterion.label()));
      columns.add(Table.Column.estimate(criterion.key(), criterion.label(), criterion.format()));
      if (paired) {
        columns.add(Table.Column.text(criterion.key() + "_equivalent",
            "Equivalent within " + comparisons.margin()));
        columns.add(Table.Column.text(criterion.key() + "_undecided", "Not yet told apart"));
        columns.add(Table.Column.text(criterion.key() + VERDICT, "Decided?"));
      } else {
        columns.add(Table.Column.text(criterion.key() + "_tied", "Tied with it"));
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (double target : targets) {
      List<Configuration> clearing = accurate.stream()
          .filter(c -> c.accuracy().accuracyLower95() >= target).toList();
      List<Object> row = new ArrayList<>(Arrays.asList(target, clearing.size()));
      for (Criterion criterion : CRITERIA) {
        row.addAll(paired ? pairedPick(clearing, criterion, comparisons)
            : pick(clearing, criterion));
      }
      rows.add(row);
    }
    return new Table(ID, paired
        ? "Which should I pick? For each accuracy you can count on (a configuration's lower 95%"
            + " bound), the cheapest configuration that clears it by the comparisons paired by"
            + " block, those equivalent to it, and those not yet told apart from it"
        : "Which should I pick? For each accuracy you can count on (a"
            + " configuration's lower 95% bound), the cheapest configuration that clears it, and"
            + " those no measurement tells apart from it", columns, rows);
  }

  /** Those of {@code clearing} with a figure that can be a cost. */
  private static List<Configuration> measured(List<Configuration> clearing,
      Criterion criterion) {
    return clearing.stream().filter(candidate -> {
      Estimate figure = criterion.figure().apply(candidate);
      return figure != null && figure.value() > 0 && Plausibility.isCost(figure.value());
    }).toList();
  }

  /**
   * The pick of {@code clearing} by the paired comparisons of {@code criterion}'s figure: its name,
   * figure, the equivalent, the undecided and the cell's verdict. Where the run compared none on
   * that figure, the unpaired pick, its ties counted as not told apart.
   */
  private static List<Object> pairedPick(List<Configuration> clearing, Criterion criterion,
      PairedComparisons comparisons) {
    if (!comparisons.covers(criterion.measure(), criterion.compared())) {
      List<Object> unpaired = pick(clearing, criterion);
      return unpaired.get(0) == null ? Arrays.asList(null, null, null, null, null)
          : Arrays.asList(unpaired.get(0), unpaired.get(1), "", unpaired.get(2), UNPAIRED);
    }
    Optional<PairedPick> pick = PairedPick.of(measured(clearing, criterion), criterion.figure(),
        criterion.lowerIsBetter(), (a, b) -> comparisons.verdict(criterion.measure(),
            criterion.compared(), a, b));
    if (pick.isEmpty()) {
      return Arrays.asList(null, null, null, null, null);
    }
    Configuration winner = pick.get().winner();
    String undecided = pick.get().undecided().stream()
        .map(other -> other.name() + comparisons.find(criterion.measure(), criterion.compared(),
                winner, other).map(Comparison::blocksNeeded)
            .map(blocks -> " (about " + blocks + " blocks would tell)").orElse(""))
        .collect(Collectors.joining(", "));
    return Arrays.asList(winner.name(), criterion.figure().apply(winner),
        pick.get().equivalent().stream().map(Configuration::name)
            .collect(Collectors.joining(", ")),
        undecided, pick.get().decided() ? DECIDED : UNDECIDED);
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
      if (CRITERIA.stream().allMatch(c -> row.get(column(columns, c.key())).missing())) {
        text.append("  no cost figure measured for them\n");
        continue;
      }
      for (Criterion criterion : CRITERIA) {
        Table.Cell figure = row.get(column(columns, criterion.key()));
        String label = criterion.label() + ":";
        if (figure.missing()) {
          text.append(String.format(Locale.ROOT, "  %-20s not measured%n", label));
          continue;
        }
        String beside = beside(columns, row, criterion.key() + "_tied", "tied")
            + beside(columns, row, criterion.key() + "_equivalent",
                columns.stream().filter(c -> c.key().equals(criterion.key() + "_equivalent"))
                    .map(c -> c.label().toLowerCase(Locale.ROOT)).findFirst().orElse(""))
            + beside(columns, row, criterion.key() + "_undecided", "not yet told apart");
        String verdict = column(columns, criterion.key() + VERDICT) < 0 ? ""
            : " [" + row.get(column(columns, criterion.key() + VERDICT)).text() + "]";
        text.append(String.format(Locale.ROOT, "  %-20s %-28s %s%s%s%n", label,
            row.get(column(columns, criterion.key() + "_pick")).text(),
            figure.textWithVerdict(), verdict, beside));
      }
    }
    return text.toString();
  }

  /** {@code "  label: text"} for a column the table has and the row fills; else empty. */
  private static String beside(List<Table.Column> columns, List<Table.Cell> row, String key,
      String label) {
    int c = column(columns, key);
    return c < 0 || row.get(c).missing() || row.get(c).text().isEmpty()
        ? "" : "  " + label + ": " + row.get(c).text();
  }

  /** The position of column {@code key}, -1 where the table has none: the layouts differ. */
  private static int column(List<Table.Column> columns, String key) {
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).key().equals(key)) {
        return c;
      }
    }
    return -1;
  }
}
