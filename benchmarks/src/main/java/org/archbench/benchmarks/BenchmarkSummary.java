package org.archbench.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.archbench.schema.jmh.JmhResults;

/**
 * The console summary of a JMH results file: throughput with achieved GFLOP/s and share of the
 * measured GEMM peak, latency percentiles, cold start, threads, the ONNX Runtime overhead against
 * the plain-session baseline, and memory, read through the report's {@link JmhResults}.
 */
final class BenchmarkSummary {

  private final JmhResults results;

  private BenchmarkSummary(JmhResults results) {
    this.results = results;
  }

  static BenchmarkSummary read(Path file) throws IOException {
    return new BenchmarkSummary(JmhResults.read(file));
  }

  static void print(Path results, PrintStream out) throws IOException {
    read(results).print(out);
  }

  void print(PrintStream out) {
    Set<String> engines = new LinkedHashSet<>();
    Set<String> archs = new LinkedHashSet<>();
    for (JmhResults.Record record : results.records()) {
      if (!record.param("engine").isEmpty()) {
        engines.add(record.param("engine"));
      }
      if (!record.param("arch").isEmpty()) {
        archs.add(record.param("arch"));
      }
    }
    OptionalDouble peak = results.peakFlops();
    out.printf(Locale.ROOT, "%nGEMM: %s GFLOP/s; peak (best sustained in this run): %s GFLOP/s%n",
        gflops(results.gemmFlops()), gflops(peak));
    out.printf(Locale.ROOT, "%n%-16s %-7s %10s %10s %10s %9s %7s %9s %9s %11s %9s %9s%n", "engine",
        "arch", "b1 img/s", "b32 img/s", "b256 img/s", "GFLOP/s", "%peak", "p50 us", "p99 us",
        "heap B/img", "RSS MiB", "peak MiB");
    for (String engine : engines) {
      for (String arch : archs) {
        Map<String, String> key = Map.of("engine", engine, "arch", arch);
        Optional<JmhResults.Record> b256 = results.find("ThroughputBenchmark.batch256", key);
        OptionalDouble flops = b256.map(r -> r.secondary("flop")).orElse(OptionalDouble.empty());
        Optional<JmhResults.Record> latency = results.find("LatencyBenchmark.batch001", key);
        out.printf(Locale.ROOT, "%-16s %-7s %10s %10s %10s %9s %7s %9s %9s %11s %9s %9s%n", engine,
            arch, format(results.score("ThroughputBenchmark.batch001", key), "%.0f", 1),
            format(results.score("ThroughputBenchmark.batch032", key), "%.0f", 1),
            format(results.score("ThroughputBenchmark.batch256", key), "%.0f", 1),
            format(flops, "%.2f", 1e-9),
            flops.isPresent() && peak.isPresent()
                ? String.format(Locale.ROOT, "%.1f", 100 * flops.getAsDouble() / peak.getAsDouble())
                : "-",
            latency.map(r -> String.format(Locale.ROOT, "%.1f", r.percentile("50.0"))).orElse("-"),
            latency.map(r -> String.format(Locale.ROOT, "%.1f", r.percentile("99.0"))).orElse("-"),
            format(b256.map(JmhResults.Record::heapBytesPerOperation).orElse(OptionalDouble.empty()), "%.0f", 1),
            format(b256.map(r -> r.secondary("native.rssAnon")).orElse(OptionalDouble.empty()), "%.0f", 1),
            format(b256.map(r -> r.secondary("native.peakRss")).orElse(OptionalDouble.empty()), "%.0f", 1));
      }
    }
    out.printf(Locale.ROOT, "%n%-16s %-7s %12s %12s %14s %10s %10s %8s%n", "engine", "arch",
        "start ms", "load ms", "1st infer ms", "1 thr", "all thr", "speed-up");
    for (String engine : engines) {
      for (String arch : archs) {
        Map<String, String> key = Map.of("engine", engine, "arch", arch);
        OptionalDouble one = results.oneThreadAtBatch32(engine, arch);
        OptionalDouble all = results.allCoresAtBatch32(engine, arch);
        out.printf(Locale.ROOT, "%-16s %-7s %12s %12s %14s %10s %10s %8s%n", engine, arch,
            format(results.score("ColdStartBenchmark.engineStart", Map.of("engine", engine)), "%.1f", 1),
            format(results.score("ColdStartBenchmark.modelLoad", key), "%.1f", 1),
            format(results.score("ColdStartBenchmark.firstInference", key), "%.2f", 1),
            format(one, "%.0f", 1), format(all, "%.0f", 1),
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

  private static String format(OptionalDouble value, String pattern, double scale) {
    return value.isPresent() ? String.format(Locale.ROOT, pattern, value.getAsDouble() * scale) : "-";
  }

  private static String gflops(OptionalDouble flops) {
    return flops.isPresent() ? String.format(Locale.ROOT, "%.1f", flops.getAsDouble() / 1e9)
        : "missing";
  }
}
