package org.archbench.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;

/**
 * How decisive a run's measurements were: of the paired comparisons in jmh/figures.json, how many
 * told their two configurations apart or found them equivalent, and of those the report shows, how
 * many pick cells and engine ratios are decided. Read first, it says whether the tables below are
 * answers or, where much is undecided, a reason to measure more blocks rather than to read the
 * point estimates harder. The page and the console print the same line.
 *
 * @param comparisons the paired comparisons the run holds
 * @param decided those decided: one cheaper, or equivalent within the margin
 * @param equivalent those equivalent within the margin
 * @param margin the margin as the line writes it, {@code 5%}
 * @param pickCells the pick table's cells read off paired comparisons
 * @param pickCellsDecided those of them decided
 * @param engineRatios the engine ratios read off paired comparisons
 * @param engineRatiosDecided those of them decided
 */
public record Decisiveness(int comparisons, int decided, int equivalent, String margin,
    int pickCells, int pickCellsDecided, int engineRatios, int engineRatiosDecided) {

  /** The line of the run in {@code directory}; empty for a run without paired comparisons. */
  public static Optional<Decisiveness> of(Path directory) throws IOException {
    return of(RunResults.read(directory));
  }

  /** The line of {@code run}; empty for a run without paired comparisons. */
  static Optional<Decisiveness> of(RunResults run) {
    PairedComparisons comparisons = PairedComparisons.of(run);
    if (comparisons.none()) {
      return Optional.empty();
    }
    return Optional.of(of(comparisons, PickTable.of(run),
        run.figures().map(figures -> EnginesSection.ratios(run))));
  }

  /** Counts {@code comparisons}, and the decided cells of {@code picks} and {@code ratios}. */
  static Decisiveness of(PairedComparisons comparisons, Table picks, Optional<Table> ratios) {
    List<Comparison> all = comparisons.all();
    int pickCells = 0;
    int pickCellsDecided = 0;
    for (int c = 0; c < picks.columns().size(); c++) {
      if (!picks.columns().get(c).key().endsWith(PickTable.VERDICT)) {
        continue;
      }
      for (List<Object> row : picks.rows()) {
        Object verdict = row.get(c);
        if (PickTable.DECIDED.equals(verdict) || PickTable.UNDECIDED.equals(verdict)) {
          pickCells++;
          pickCellsDecided += PickTable.DECIDED.equals(verdict) ? 1 : 0;
        }
      }
    }
    int engineRatios = 0;
    int engineRatiosDecided = 0;
    if (ratios.isPresent() && ratios.get().columns().stream()
        .anyMatch(column -> column.key().equals(EnginesSection.RATIO_VERDICT))) {
      for (List<Object> row : ratios.get().rows()) {
        Object verdict = ratios.get().value(row, EnginesSection.RATIO_VERDICT);
        if (verdict != null && !EnginesSection.UNPAIRED.equals(verdict)) {
          engineRatios++;
          engineRatiosDecided += EnginesSection.UNDECIDED.equals(verdict) ? 0 : 1;
        }
      }
    }
    return new Decisiveness(all.size(),
        (int) all.stream().filter(c -> c.verdict().decided()).count(),
        (int) all.stream().filter(c -> c.verdict() == ComparisonVerdict.EQUIVALENT).count(),
        comparisons.margin(), pickCells, pickCellsDecided, engineRatios, engineRatiosDecided);
  }

  /** Those not decided. */
  public int undecided() {
    return comparisons - decided;
  }

  /**
   * {@code Cost comparisons: 9 of 12 decided (2 equivalent within 5%, 3 undecided); pick table:
   * 7 of 9 cells decided; engine ratios: 4 of 6 decided.}
   */
  public String text() {
    return String.format(Locale.ROOT, "Cost comparisons: %d of %d decided (%d equivalent within %s,"
            + " %d undecided); pick table: %d of %d cells decided; engine ratios: %d of %d"
            + " decided.", decided, comparisons, equivalent, margin, undecided(), pickCellsDecided,
        pickCells, engineRatiosDecided, engineRatios);
  }
}
