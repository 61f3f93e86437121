package org.archbench.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.MachineStability;
import java.util.LinkedHashSet;
import java.util.IntSummaryStatistics;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.archbench.schema.jmh.ConfigurationParams;
import org.archbench.benchmarks.jmh.CostFigures;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.benchmarks.jmh.JmhResults;
import org.archbench.schema.ModelVariantIds;

/**
 * The console summary of a JMH results file: throughput with achieved GFLOP/s and share of the
 * measured GEMM peak, latency percentiles, cold start, threads, the ONNX Runtime overhead against
 * the plain-session baseline, and memory, read through the report's {@link JmhResults}. Each
 * measured figure carries the half-width of its 95% interval over forks and its verdict.
 */
final class BenchmarkSummary {

  private final JmhResults results;

  private BenchmarkSummary(JmhResults results) {
    this.results = results;
  }

  static BenchmarkSummary read(Path file) throws IOException {
    return new BenchmarkSummary(JmhResults.read(file));
  }

  /**
   * Prints the summary of {@code results}, how many of the paired comparisons of {@code figures}
   * decided, then the machine's stability from {@code stability} where the stage wrote it, with its
   * warning if the machine drifted.
   */
  static void print(Path results, Path stability, Path figures, PrintStream out)
      throws IOException {
    read(results).print(out);
    if (Files.isRegularFile(figures)) {
      out.println(decisiveness(JsonFiles.read(figures, FigureEstimates.class).comparisons()));
    }
    if (Files.isRegularFile(stability)) {
      MachineStability machine = JsonFiles.read(stability, MachineStability.class);
      out.printf(Locale.ROOT, "%nMachine: %s%n", machine.summary());
      machine.warning().ifPresent(warning -> out.println("WARNING: " + warning));
    }
  }

  void print(PrintStream out) {
    Set<String> engines = new LinkedHashSet<>();
    Set<String> archs = new LinkedHashSet<>();
    Set<String> variants = new LinkedHashSet<>();
    for (JmhResults.Record record : results.records()) {
      if (!record.param("engine").isEmpty()) {
        engines.add(record.param("engine"));
      }
      if (!record.param("arch").isEmpty()) {
        archs.add(record.param("arch"));
      }
      variants.add(record.variant());
    }
    OptionalDouble peak = results.peakFlops();
    out.printf(Locale.ROOT, "%nGEMM: %s GFLOP/s; peak (best sustained in this run): %s GFLOP/s%n",
        gflops(results.gemmFlops()), gflops(peak));
    String row = "%-16s %-12s %12s %12s %12s %9s %7s %11s %11s %11s %10s %10s%n";
    out.printf(Locale.ROOT, "%n" + row, "engine", "model", "b1 img/s", "b32 img/s", "b256 img/s",
        "GFLOP/s", "%peak", "p50 us", "p99 us", "heap B/img", "RSS MiB", "peak MiB");
    for (String engine : engines) {
      for (String arch : archs) {
        for (String variant : variants) {
          Map<String, String> key = ConfigurationParams.of(engine, arch, variant);
          Optional<JmhResults.Record> b256 = results.find("ThroughputBenchmark.batch256", key);
          if (b256.isEmpty() && !variant.equals(ModelVariantIds.FLOAT32)) {
            continue;
          }
          OptionalDouble flops = b256.map(r -> r.secondary("flop")).orElse(OptionalDouble.empty());
          Optional<JmhResults.Record> latency = results.find(CostMeasure.BATCH_ONE_LATENCY.benchmark(), key);
          out.printf(Locale.ROOT, row, engine,
              ModelVariantIds.model(arch, variant),
              cell(CostFigures.batchOneThroughput(results, key), "%.0f"),
              cell(CostFigures.mean(results, "ThroughputBenchmark.batch032", key), "%.0f"),
              cell(CostFigures.mean(b256), "%.0f"),
              format(flops, "%.2f", 1e-9),
              flops.isPresent() && peak.isPresent() && variant.equals(ModelVariantIds.FLOAT32)
                  ? String.format(Locale.ROOT, "%.1f", 100 * flops.getAsDouble() / peak.getAsDouble())
                  : "-",
              cell(CostFigures.percentile(latency, 0.5), "%.1f"),
              cell(CostFigures.percentile(latency, 0.99), "%.1f"),
              format(b256.map(JmhResults.Record::heapBytesPerOperation)
                  .orElse(OptionalDouble.empty()), "%.0f", 1),
              cell(CostFigures.memory(b256, "native.rssAnon"), "%.0f"),
              cell(CostFigures.memory(b256, "native.peakRss"), "%.0f"));
        }
      }
    }
    out.println(LEGEND);
    IntSummaryStatistics forks = results.records().stream()
        .mapToInt(record -> CostFigures.mean(Optional.of(record)).forks()).summaryStatistics();
    if (forks.getCount() > 0) {
      out.printf(Locale.ROOT, "Blocks (or forks) per figure: %s; each figure's blocks, samples"
          + " and interval, and every paired comparison, are in jmh/figures.json.%n",
          forks.getMin() == forks.getMax() ? "" + forks.getMin()
              : forks.getMin() + " to " + forks.getMax());
    }
    out.printf(Locale.ROOT, "%n%-16s %-7s %12s %12s %14s %12s %12s %8s%n", "engine", "arch",
        "start ms", "load ms", "1st infer ms", "1 thr", "all thr", "speed-up");
    for (String engine : engines) {
      for (String arch : archs) {
        Map<String, String> key = ConfigurationParams.float32(engine, arch);
        OptionalDouble one = results.oneThreadAtBatch32(engine, arch);
        OptionalDouble all = results.allCoresAtBatch32(engine, arch);
        out.printf(Locale.ROOT, "%-16s %-7s %12s %12s %14s %12s %12s %8s%n", engine, arch,
            cell(CostFigures.mean(results, "ColdStartBenchmark.engineStart",
                Map.of("engine", engine)), "%.1f"),
            cell(CostFigures.mean(results, "ColdStartBenchmark.modelLoad", key), "%.1f"),
            cell(CostFigures.mean(results, "ColdStartBenchmark.firstInference", key), "%.2f"),
            cell(CostFigures.mean(results, "ThreadsBenchmark.batch032",
                ConfigurationParams.float32OnOneThread(engine, arch)), "%.0f"),
            cell(CostFigures.mean(results, "ThroughputBenchmark.batch032", key), "%.0f"),
            one.isPresent() && all.isPresent()
                ? String.format(Locale.ROOT, "%.2fx", all.getAsDouble() / one.getAsDouble()) : "-");
      }
    }
    out.printf(Locale.ROOT, "%n%-7s %14s %16s %9s%n", "arch", "plain us", "archbench us",
        "overhead");
    for (String arch : archs) {
      results.overhead(arch).ifPresent(overhead -> out.printf(Locale.ROOT,
          "%-7s %14.2f %16.2f %8.1f%%%n", arch, overhead.plainMicros(), overhead.archbenchMicros(),
          100 * overhead.share()));
    }
  }

  /** The figures engines are compared on, per architecture and variant: benchmark and figure. */
  private static final List<List<String>> ENGINE_FIGURES = List.of(
      List.of("ThroughputBenchmark.batch256", "mean"), List.of("ThroughputBenchmark.batch032", "mean"),
      List.of("LatencyBenchmark.batch001", "p50"));

  /**
   * {@code Paired comparisons: 1412 of 1741 decided (310 equivalent within 5%, 329 undecided);
   * engine against engine: 52 of 54 decided}: every comparison of the blocks, and those of two
   * engines on the same model on the figures engines are chosen by.
   */
  static String decisiveness(List<Comparison> comparisons) {
    long decided = comparisons.stream().filter(c -> c.verdict().decided()).count();
    long equivalent = comparisons.stream()
        .filter(c -> c.verdict() == ComparisonVerdict.EQUIVALENT).count();
    List<Comparison> engines = comparisons.stream()
        .filter(c -> ENGINE_FIGURES.contains(List.of(c.benchmark(), c.figure())))
        .filter(c -> c.a().get("arch") != null && c.a().get("arch").equals(c.b().get("arch"))
            && Objects.equals(c.a().get("variant"), c.b().get("variant"))
            && !Objects.equals(c.a().get("engine"), c.b().get("engine")))
        .toList();
    return String.format(Locale.ROOT, "%nPaired comparisons: %d of %d decided (%d equivalent within"
        + " %.0f%%, %d undecided); engine against engine on the same model: %d of %d decided",
        decided, comparisons.size(), equivalent, 100 * BlockFigures.MARGIN,
        comparisons.size() - decided, engines.stream().filter(c -> c.verdict().decided()).count(),
        engines.size());
  }

  /** Printed under the table: what the marks beside the figures mean. */
  static final String LEGEND = "±: half-width of the 95% interval over blocks (or forks);"
      + " * noisy (wider than its target: ±3% for means and p50, ±10% for p99);"
      + " ! too few forks (under " + Estimate.MINIMUM_FORKS + ") or samples for an interval;"
      + " ~ not steady (a fork's warm-up never settled)";

  /**
   * A figure as the summary prints it: {@code 1234±2.1%} when ok, {@code 1234±28%*} when noisy,
   * {@code 1234!} (or {@code 1234±40%!}) with too few forks or samples, {@code 1234±2.1%~} when a
   * fork never got steady; {@code -} for none.
   */
  static String cell(Estimate figure, String pattern) {
    if (figure == null || Double.isNaN(figure.value())) {
      return "-";
    }
    return String.format(Locale.ROOT, pattern, figure.value()) + figure.halfWidthText()
        + switch (figure.verdict()) {
          case OK -> "";
          case NOISY -> "*";
          case TOO_FEW_SAMPLES -> "!";
          case NOT_STEADY -> "~";
        };
  }

  private static String format(OptionalDouble value, String pattern, double scale) {
    return value.isPresent() ? String.format(Locale.ROOT, pattern, value.getAsDouble() * scale) : "-";
  }

  private static String gflops(OptionalDouble flops) {
    return flops.isPresent() ? String.format(Locale.ROOT, "%.1f", flops.getAsDouble() / 1e9)
        : "missing";
  }
}
