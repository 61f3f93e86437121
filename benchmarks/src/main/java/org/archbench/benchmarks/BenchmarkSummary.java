package org.archbench.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;
import org.archbench.schema.jmh.ConfigurationParams;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.FigureKind;
import org.archbench.schema.jmh.MachineStability;

/**
 * The console summary of a benchmark stage, read from jmh/figures.json as the report reads it, so
 * that the two never disagree: throughput with achieved GFLOP/s and share of the measured peak,
 * latency percentiles, cold start, threads, the ONNX Runtime overhead against the plain-session
 * baseline, and memory. Each measured figure carries the half-width of its 95% interval over
 * blocks (or forks) and its verdict.
 */
final class BenchmarkSummary {

  private final FigureEstimates figures;

  BenchmarkSummary(FigureEstimates figures) {
    this.figures = figures;
  }

  /**
   * Prints the summary of {@code figures} with how many of its paired comparisons decided, then
   * the machine's stability from {@code stability} where the stage wrote it, with its warning if
   * the machine drifted.
   */
  static void print(Path figures, Path stability, PrintStream out) throws IOException {
    FigureEstimates estimates = JsonFiles.read(figures, FigureEstimates.class);
    new BenchmarkSummary(estimates).print(out);
    out.println(decisiveness(estimates.comparisons()));
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
    for (FigureEstimates.Figure figure : figures.figures()) {
      if (!figure.param(ConfigurationParams.ENGINE).isEmpty()) {
        engines.add(figure.param(ConfigurationParams.ENGINE));
      }
      if (!figure.param(ConfigurationParams.ARCH).isEmpty()) {
        archs.add(figure.param(ConfigurationParams.ARCH));
        variants.add(figure.param(ConfigurationParams.VARIANT));
      }
    }
    OptionalDouble peak = figures.peakFlops();
    OptionalDouble gemm = figures.all(CostMeasure.GEMM_PEAK, FigureKind.FLOP).stream()
        .mapToDouble(figure -> figure.estimate().value()).filter(Double::isFinite).max();
    out.printf(Locale.ROOT, "%nGEMM: %s GFLOP/s; peak (best sustained in this run): %s GFLOP/s%n",
        gflops(gemm), gflops(peak));
    String row = "%-16s %-12s %12s %12s %12s %9s %7s %11s %11s %11s %10s %10s%n";
    out.printf(Locale.ROOT, "%n" + row, "engine", "model", "b1 img/s", "b32 img/s", "b256 img/s",
        "GFLOP/s", "%peak", "p50 us", "p99 us", "heap B/img", "RSS MiB", "peak MiB");
    for (String engine : engines) {
      for (String arch : archs) {
        for (String variant : variants) {
          Map<String, String> key = ConfigurationParams.of(engine, arch, variant);
          if (!figures.measured(CostMeasure.BATCH_256_THROUGHPUT, key)
              && !variant.equals(ModelVariantIds.FLOAT32)) {
            continue;
          }
          OptionalDouble flops = value(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.FLOP);
          out.printf(Locale.ROOT, row, engine,
              ModelVariantIds.model(arch, variant),
              cell(CostMeasure.BATCH_ONE_LATENCY, key, FigureKind.RATE, "%.0f"),
              cell(CostMeasure.BATCH_32_THROUGHPUT, key, FigureKind.MEAN, "%.0f"),
              cell(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.MEAN, "%.0f"),
              format(flops, "%.2f", 1e-9),
              flops.isPresent() && peak.isPresent() && variant.equals(ModelVariantIds.FLOAT32)
                  ? String.format(Locale.ROOT, "%.1f", 100 * flops.getAsDouble() / peak.getAsDouble())
                  : "-",
              cell(CostMeasure.BATCH_ONE_LATENCY, key, FigureKind.P50, "%.1f"),
              cell(CostMeasure.BATCH_ONE_LATENCY, key, FigureKind.P99, "%.1f"),
              format(value(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.HEAP_PER_OPERATION),
                  "%.0f", 1),
              cell(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.RSS_ANON, "%.0f"),
              cell(CostMeasure.BATCH_256_THROUGHPUT, key, FigureKind.PEAK_RSS, "%.0f"));
        }
      }
    }
    out.println(LEGEND);
    IntSummaryStatistics forks = figures.figures().stream()
        .filter(figure -> figure.figure().equals(FigureKind.MEAN.id()))
        .mapToInt(figure -> figure.estimate().forks()).summaryStatistics();
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
        Map<String, String> oneThread = ConfigurationParams.float32OnOneThread(engine, arch);
        OptionalDouble one = value(CostMeasure.THREADS_BATCH_32, oneThread, FigureKind.MEAN);
        OptionalDouble all = value(CostMeasure.BATCH_32_THROUGHPUT, key, FigureKind.MEAN);
        out.printf(Locale.ROOT, "%-16s %-7s %12s %12s %14s %12s %12s %8s%n", engine, arch,
            cell(CostMeasure.ENGINE_START, key, FigureKind.MEAN, "%.1f"),
            cell(CostMeasure.MODEL_LOAD, key, FigureKind.MEAN, "%.1f"),
            cell(CostMeasure.FIRST_INFERENCE, key, FigureKind.MEAN, "%.2f"),
            cell(CostMeasure.THREADS_BATCH_32, oneThread, FigureKind.MEAN, "%.0f"),
            cell(CostMeasure.BATCH_32_THROUGHPUT, key, FigureKind.MEAN, "%.0f"),
            one.isPresent() && all.isPresent()
                ? String.format(Locale.ROOT, "%.2fx", all.getAsDouble() / one.getAsDouble()) : "-");
      }
    }
    out.printf(Locale.ROOT, "%n%-7s %14s %16s %9s%n", "arch", "plain us", "archbench us",
        "overhead");
    for (String arch : archs) {
      Map<String, String> key = Map.of(ConfigurationParams.ARCH, arch);
      OptionalDouble plain = value(CostMeasure.ONNX_RUNTIME_OVERHEAD, key,
          FigureKind.PLAIN_SESSION);
      OptionalDouble archbench = value(CostMeasure.ONNX_RUNTIME_OVERHEAD, key,
          FigureKind.ARCHBENCH_ENGINE);
      if (plain.isPresent() && archbench.isPresent()) {
        out.printf(Locale.ROOT, "%-7s %14.2f %16.2f %8.1f%%%n", arch, plain.getAsDouble(),
            archbench.getAsDouble(), 100 * (archbench.getAsDouble() / plain.getAsDouble() - 1));
      }
    }
  }

  private String cell(CostMeasure measure, Map<String, String> key, FigureKind kind,
      String pattern) {
    return cell(figures.find(measure, key, kind).orElse(null), pattern);
  }

  private OptionalDouble value(CostMeasure measure, Map<String, String> key, FigureKind kind) {
    return figures.find(measure, key, kind).map(Estimate::value).filter(Double::isFinite)
        .map(OptionalDouble::of).orElse(OptionalDouble.empty());
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
