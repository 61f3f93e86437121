package org.archbench.reports;

import org.archbench.schema.jmh.CostFigures;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.eval.EngineAgreement;
import org.archbench.schema.jmh.JmhResults;
import org.archbench.schema.ModelVariantIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
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
    if (run.jmh().isEmpty()) {
      section.missing("jmh/results.json (the benchmarks did not run)");
    } else {
      JmhResults jmh = run.jmh().get();
      section.table(costs(run, jmh));
      section.table(ratios(run, jmh));
      section.table(overhead(run, jmh));
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

  private static Table costs(RunResults run, JmhResults jmh) {
    List<List<Object>> rows = new ArrayList<>();
    for (String engine : run.engines()) {
      for (String arch : run.archs()) {
        Map<String, String> key = JmhResults.float32(engine, arch);
        Optional<JmhResults.Record> throughput = jmh.find("ThroughputBenchmark.batch256", key);
        Double one = Values.of(jmh.oneThreadAtBatch32(engine, arch));
        Double all = Values.of(jmh.allCoresAtBatch32(engine, arch));
        List<Object> row = Arrays.asList(engine, arch,
            CostFigures.batchOneThroughput(jmh, key),
            CostFigures.mean(jmh, "ThroughputBenchmark.batch032", key),
            CostFigures.mean(throughput),
            throughput.map(r -> Values.of(r.heapBytesPerOperation())).orElse(null),
            CostFigures.memory(throughput, "native.rssAnon"),
            CostFigures.mean(jmh, "ColdStartBenchmark.engineStart", Map.of("engine", engine)),
            CostFigures.mean(jmh, "ColdStartBenchmark.modelLoad", key),
            CostFigures.mean(jmh, "ColdStartBenchmark.firstInference", key),
            CostFigures.mean(jmh, "ThreadsBenchmark.batch032",
                JmhResults.float32OnOneThread(engine, arch)),
            one != null && all != null ? all / one : null);
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

  /**
   * The figures engines are compared on: name, how to read it off the results, and the benchmark
   * and figure its paired comparisons are of.
   */
  private record Figure(String name, BiFunction<JmhResults, Map<String, String>, Estimate> read,
      String benchmark, String compared) {}

  private static final List<Figure> COMPARED = List.of(
      new Figure("b256 img/s",
          (jmh, key) -> CostFigures.mean(jmh, "ThroughputBenchmark.batch256", key),
          "ThroughputBenchmark.batch256", "mean"),
      new Figure("b32 img/s",
          (jmh, key) -> CostFigures.mean(jmh, "ThroughputBenchmark.batch032", key),
          "ThroughputBenchmark.batch032", "mean"),
      new Figure("b1 p50 us", (jmh, key) ->
          CostFigures.percentile(jmh.find(CostFigures.BATCH_ONE_LATENCY, key), 0.5),
          CostFigures.BATCH_ONE_LATENCY, "p50"));

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
  static Table ratios(RunResults run, JmhResults jmh) {
    PairedComparisons comparisons = PairedComparisons.of(run);
    List<List<Object>> rows = new ArrayList<>();
    for (String arch : run.archs()) {
      for (Figure figure : COMPARED) {
        String reference = null;
        Estimate referenceFigure = null;
        for (String engine : run.engines()) {
          Estimate measured = figure.read().apply(jmh, JmhResults.float32(engine, arch));
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
    Optional<Comparison> paired = comparisons.find(figure.benchmark(), figure.compared(),
        JmhResults.float32(engine, arch), JmhResults.float32(reference, arch));
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

  private static Table overhead(RunResults run, JmhResults jmh) {
    List<List<Object>> rows = new ArrayList<>();
    for (String arch : run.archs()) {
      jmh.overhead(arch).ifPresent(overhead -> rows.add(Arrays.asList(arch,
          overhead.plainMicros(), overhead.archbenchMicros(), overhead.share())));
    }
    return new Table("onnxruntime-overhead", "archbench's ONNX Runtime engine against a plain"
        + " OrtSession.run loop, batch 1, one thread, calls alternating in the same forks", List.of(
            Table.Column.text("arch", "Architecture"),
            Table.Column.number("plain_us", "Plain session us", "%.2f"),
            Table.Column.number("archbench_us", "archbench engine us", "%.2f"),
            Table.Column.percentDifference("overhead", "Overhead %")), rows);
  }
}
