package org.archbench.reports;

import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.eval.EngineAgreement;
import org.archbench.schema.jmh.ConfigurationParams;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.FigureKind;
import org.archbench.schema.ModelVariantIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.stats.Ratio;

/**
 * The engines against each other: prediction agreement, cold start, threads, the harness's
 * overhead over plain ONNX Runtime, heap per image, and the flame graphs.
 */
final class EnginesSection {

  private EnginesSection() {}

  static Section build(RunResults run, List<String> flameGraphs) {
    Section section = new Section("engines", "Engines");
    List<List<Object>> agreement = new ArrayList<>();
    for (String arch : run.archs()) {
      EvaluationReport evaluation = run.evaluations().get(arch);
      if (evaluation != null) {
        Optional<EngineAgreement> measured = Optional.ofNullable(evaluation.agreement());
        agreement.add(Arrays.asList(arch, evaluation.engines().stream()
                .filter(engine -> engine.variant().equals(ModelVariantIds.FLOAT32)).count(),
            measured.map(EngineAgreement::share).orElse(null),
            measured.map(EngineAgreement::maxLogitDifference).orElse(null)));
      }
    }
    if (agreement.isEmpty()) {
      section.missing("eval/*.json (archbench evaluate did not run)");
    } else {
      section.table(new Table("agreement",
          "Do the engines predict alike on the 10,000 test images (float32 models)?",
          List.of(Table.Column.text("arch", "Architecture"),
              Table.Column.number("engines", "Engines", "%d"),
              Table.Column.percent("share", "Same prediction %"),
              Table.Column.number("max_logit_difference", "Max |logit difference|", "%.2e")),
          agreement));
    }
    List<List<Object>> notSupported = run.notSupported().stream()
        .map(pair -> Arrays.<Object>asList(pair.engine(), pair.arch(), pair.variant(),
            pair.operator(), pair.message()))
        .toList();
    if (!notSupported.isEmpty()) {
      section.table(new Table("not-supported", "Models an engine cannot run: it lacks an operator",
          List.of(Table.Column.text("engine", "Engine"), Table.Column.text("arch", "Architecture"),
              Table.Column.text("variant", "Variant"), Table.Column.text("operator", "Operator"),
              Table.Column.text("message", "The engine's words")), notSupported));
    }
    if (run.figures().isEmpty()) {
      section.missing("jmh/figures.json (the benchmarks did not run)");
    } else {
      section.table(costs(run));
      section.table(ratios(run));
      section.table(overhead(run));
    }
    if (flameGraphs.isEmpty()) {
      section.missing("profiles/ (flame graphs were off, or the benchmarks did not run)");
    }
    for (String name : flameGraphs) {
      section.link(name, "profiles/" + name + "/flame-cpu-forward.html");
    }
    return section;
  }

  private static final List<Table.Column> COSTS = List.of(
      Table.Column.text("engine", "Engine"), Table.Column.text("arch", "Architecture"),
      Table.Column.estimate("b1_images_per_s", "b1 img/s", "%,.0f"),
      Table.Column.estimate("b32_images_per_s", "b32 img/s", "%,.0f"),
      Table.Column.estimate("b256_images_per_s", "b256 img/s", "%,.0f"),
      Table.Column.number("heap_bytes_per_image", "Heap B/img (b256)", "%,.0f"),
      Table.Column.estimate("rss_anon_mib", "RssAnon MiB", "%.0f"),
      Table.Column.estimate("engine_start_ms", "Engine start ms", "%.0f"),
      Table.Column.estimate("model_load_ms", "Model load ms", "%.1f"),
      Table.Column.estimate("first_inference_ms", "First inference ms", "%.2f"),
      Table.Column.estimate("b32_one_thread", "b32 img/s, 1 thread", "%,.0f"),
      Table.Column.number("speedup", "Speed-up of all cores at b32", "%.2f"));

  /** The engine-costs column of the engine's start, which no architecture's figure is. */
  private static final int ENGINE_START_COLUMN = Table.index(COSTS, "engine_start_ms");

  private static Table costs(RunResults run) {
    List<List<Object>> rows = new ArrayList<>();
    for (String engine : run.engines()) {
      for (String arch : run.archs()) {
        Map<String, String> key = ConfigurationParams.float32(engine, arch);
        Estimate one = run.cost(CostMeasure.THREADS_BATCH_32,
            ConfigurationParams.float32OnOneThread(engine, arch), FigureKind.MEAN);
        Estimate all = run.cost(CostMeasure.BATCH_32_THROUGHPUT, key, FigureKind.MEAN);
        Estimate heap =
            run.cost(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.HEAP_PER_OPERATION);
        List<Object> row = Arrays.asList(engine, arch,
            run.cost(CostMeasure.BATCH_ONE_LATENCY, key, FigureKind.RATE),
            all,
            run.cost(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.MEAN),
            heap == null ? null : heap.value(),
            run.cost(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.RSS_ANON),
            run.cost(CostMeasure.ENGINE_START, key, FigureKind.MEAN),
            run.cost(CostMeasure.MODEL_LOAD, key, FigureKind.MEAN),
            run.cost(CostMeasure.FIRST_INFERENCE, key, FigureKind.MEAN),
            one,
            one != null && all != null ? all.value() / one.value() : null);
        // Engine start is the engine's alone: a row needs a figure of this architecture.
        if (IntStream.range(2, row.size()).filter(i -> i != ENGINE_START_COLUMN)
            .anyMatch(i -> row.get(i) != null)) {
          rows.add(row);
        } else {
          // The cell says why there is no figure, never shows it as missing.
          run.notSupported(arch, engine)
              .ifPresent(cell -> rows.add(Table.leadingRow(COSTS, engine, arch, cell)));
        }
      }
    }
    return new Table("engine-costs", "Throughput by batch (batch 1: one request at a time, each"
        + " latency fork's reciprocal mean), memory, cold start and threads", COSTS, rows);
  }

  /** A figure engines are compared on: its name, and the measure and kind it is. */
  private record Figure(String name, CostMeasure measure, FigureKind kind) {}

  private static final List<Figure> COMPARED = List.of(
      new Figure("b256 img/s", CostMeasure.BATCH_256_THROUGHPUT, FigureKind.MEAN),
      new Figure("b32 img/s", CostMeasure.BATCH_32_THROUGHPUT, FigureKind.MEAN),
      new Figure("b1 p50 us", CostMeasure.BATCH_ONE_LATENCY, FigureKind.P50));

  /** The key of the paired ratios table's verdict column. */
  static final String RATIO_VERDICT = "verdict";

  /**
   * What the verdict column reads for an engine the run did not compare in blocks with the first:
   * its ratio is the forks' geometric means'.
   */
  static final String UNPAIRED = "no paired comparison";

  /** What the verdict column reads for a comparison the blocks so far have not decided. */
  static final String UNDECIDED = "undecided";

  /**
   * For each architecture and figure, every engine against the first that measured it: from the
   * comparison paired by block where the run has them ({@link PairedComparisons}), else as a ratio
   * of the forks' geometric means with its 95% interval ({@link Ratio}).
   */
  static Table ratios(RunResults run) {
    PairedComparisons comparisons = PairedComparisons.of(run);
    List<List<Object>> rows = new ArrayList<>();
    for (String arch : run.archs()) {
      for (Figure figure : COMPARED) {
        String reference = null;
        Estimate referenceFigure = null;
        for (String engine : run.engines()) {
          Estimate measured = run.cost(figure.measure(),
              ConfigurationParams.float32(engine, arch), figure.kind());
          if (measured == null) {
            continue;
          }
          if (reference == null) {
            reference = engine;
            referenceFigure = measured;
            continue;
          }
          Ratio ratio = Ratio.of(measured.forkValues(), referenceFigure.forkValues());
          if (comparisons.none()) {
            rows.add(Arrays.asList(arch, figure.name(), engine, reference, ratio));
          } else {
            rows.add(pairedRow(comparisons, arch, figure, engine, reference, ratio));
          }
        }
      }
    }
    if (comparisons.none()) {
      return new Table("engine-ratios", "Each engine against the first, per architecture: the"
          + " ratio of the forks' geometric means with its 95% interval (above 1: more images/s,"
          + " or a slower p50)", List.of(
              Table.Column.text("arch", "Architecture"), Table.Column.text("figure", "Figure"),
              Table.Column.text("engine", "Engine"), Table.Column.text("against", "Against"),
              Table.Column.ratio("ratio", "Ratio [95% interval]")), rows);
    }
    return new Table("engine-ratios", "Each engine against the first, per architecture: the"
        + " geometric mean of the ratios of blocks in which both were measured back to back, with"
        + " its 95% interval (above 1: more images/s, or a slower p50), and what it decides",
        List.of(Table.Column.text("arch", "Architecture"), Table.Column.text("figure", "Figure"),
            Table.Column.text("engine", "Engine"), Table.Column.text("against", "Against"),
            Table.Column.number("ratio", "Ratio", "%.3f"),
            Table.Column.number("lower95", "95% interval from", "%.3f"),
            Table.Column.number("upper95", "to", "%.3f"),
            Table.Column.number("blocks", "Blocks", "%d"),
            Table.Column.text(RATIO_VERDICT, "Verdict"),
            Table.Column.number("blocks_needed", "Blocks that would decide it", "%d")), rows);
  }

  /**
   * {@code engine} against {@code reference} from their paired comparison, turned to face that
   * way; the unpaired {@code ratio} where the run did not compare them.
   */
  private static List<Object> pairedRow(PairedComparisons comparisons, String arch,
      Figure figure, String engine, String reference, Ratio ratio) {
    Optional<Comparison> paired = comparisons.find(figure.measure(), figure.kind(),
        ConfigurationParams.float32(engine, arch), ConfigurationParams.float32(reference, arch));
    if (paired.isEmpty()) {
      return Arrays.asList(arch, figure.name(), engine, reference, ratio.ratio(),
          ratio.lower95(), ratio.upper95(), null, UNPAIRED, null);
    }
    Comparison c = paired.get();
    String verdict = switch (c.verdict()) {
      case A_CHEAPER -> engine + " cheaper";
      case B_CHEAPER -> reference + " cheaper";
      case EQUIVALENT -> "equivalent within " + PairedComparisons.margin(c.margin());
      case UNDECIDED -> UNDECIDED;
    };
    return Arrays.asList(arch, figure.name(), engine, reference, c.ratio(), c.lower95(),
        c.upper95(), c.blocks(), verdict, c.blocksNeeded());
  }

  private static Table overhead(RunResults run) {
    List<List<Object>> rows = new ArrayList<>();
    for (String arch : run.archs()) {
      Map<String, String> key = Map.of(ConfigurationParams.ARCH, arch);
      Estimate plain = run.cost(CostMeasure.ONNX_RUNTIME_OVERHEAD, key, FigureKind.PLAIN_SESSION);
      Estimate archbench =
          run.cost(CostMeasure.ONNX_RUNTIME_OVERHEAD, key, FigureKind.ARCHBENCH_ENGINE);
      if (plain != null && archbench != null) {
        rows.add(Arrays.asList(arch, plain.value(), archbench.value(),
            archbench.value() / plain.value() - 1));
      }
    }
    return new Table("onnxruntime-overhead", "archbench's ONNX Runtime engine against a plain"
        + " OrtSession.run loop, batch 1, one thread, calls alternating in the same forks", List.of(
            Table.Column.text("arch", "Architecture"),
            Table.Column.number("plain_us", "Plain session us", "%.2f"),
            Table.Column.number("archbench_us", "archbench engine us", "%.2f"),
            Table.Column.percentDifference("overhead", "Overhead %")), rows);
  }
}
