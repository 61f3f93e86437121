package org.archbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The console summary of a JMH results file: throughput with achieved GFLOP/s and share of the
 * measured GEMM peak, latency percentiles, cold start, threads, the ONNX Runtime overhead against
 * the plain-session baseline, and memory. It reads JMH's JSON only, as the report does.
 */
final class BenchmarkSummary {

  /** JMH leaves gc.alloc.rate.norm out when a benchmark allocated nothing: that reads as 0. */
  private static final String HEAP_PER_OP = "gc.alloc.rate.norm";

  private final List<Record> records;

  private BenchmarkSummary(List<Record> records) {
    this.records = records;
  }

  /** One JMH record: which benchmark, its params, and its metrics. */
  record Record(String benchmark, Map<String, String> params, JsonNode primary, JsonNode secondary) {

    String param(String name) {
      return params.getOrDefault(name, "");
    }

    double score() {
      return primary.path("score").asDouble(Double.NaN);
    }

    double percentile(String p) {
      return primary.path("scorePercentiles").path(p).asDouble(Double.NaN);
    }

    /** A secondary metric by name; JMH prefixes profiler metrics with a middle dot. */
    OptionalDouble secondary(String name) {
      Iterator<Map.Entry<String, JsonNode>> fields = secondary.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals(name) || field.getKey().equals("\u00b7" + name)) {
          return OptionalDouble.of(field.getValue().path("score").asDouble());
        }
      }
      return OptionalDouble.empty();
    }

    /** Heap bytes per operation, 0 where the gc profiler ran and JMH left the key out. */
    OptionalDouble heapBytesPerOperation() {
      OptionalDouble bytes = secondary(HEAP_PER_OP);
      if (bytes.isPresent()) {
        return bytes;
      }
      return secondary("gc.count").isPresent() || secondary("gc.alloc.rate").isPresent()
          ? OptionalDouble.of(0) : OptionalDouble.empty();
    }
  }

  static BenchmarkSummary read(Path results) throws IOException {
    List<Record> records = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (JsonNode node : mapper.readTree(results.toFile())) {
      Map<String, String> params = mapper.convertValue(
          node.path("params").isMissingNode() ? mapper.createObjectNode() : node.path("params"),
          mapper.getTypeFactory().constructMapType(Map.class, String.class, String.class));
      String benchmark = node.path("benchmark").asText();
      benchmark = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      records.add(new Record(benchmark, params, node.path("primaryMetric"),
          node.path("secondaryMetrics")));
    }
    return new BenchmarkSummary(records);
  }

  static void print(Path results, PrintStream out) throws IOException {
    read(results).print(out);
  }

  List<Record> records() {
    return records;
  }

  /** The first record of {@code benchmark} (Class.method) whose params include {@code params}. */
  OptionalDouble score(String benchmark, Map<String, String> params) {
    return find(benchmark, params).map(r -> OptionalDouble.of(r.score())).orElse(OptionalDouble.empty());
  }

  java.util.Optional<Record> find(String benchmark, Map<String, String> params) {
    return records.stream()
        .filter(r -> r.benchmark().equals(benchmark))
        .filter(r -> params.entrySet().stream().allMatch(e -> e.getValue().equals(r.param(e.getKey()))))
        .findFirst();
  }

  /** The GEMM peak in FLOP/s, if it ran. */
  OptionalDouble peakFlops() {
    return find("PeakGemmBenchmark.matmul", Map.of())
        .map(r -> r.secondary("flop")).orElse(OptionalDouble.empty());
  }

  void print(PrintStream out) {
    Set<String> engines = new LinkedHashSet<>();
    Set<String> archs = new LinkedHashSet<>();
    for (Record record : records) {
      if (!record.param("engine").isEmpty()) {
        engines.add(record.param("engine"));
      }
      if (!record.param("arch").isEmpty()) {
        archs.add(record.param("arch"));
      }
    }
    OptionalDouble peak = peakFlops();
    out.printf(Locale.ROOT, "%nPeak GEMM: %s GFLOP/s%n",
        peak.isPresent() ? String.format(Locale.ROOT, "%.1f", peak.getAsDouble() / 1e9) : "missing");
    out.printf(Locale.ROOT, "%n%-16s %-7s %10s %10s %10s %9s %7s %9s %9s %11s %9s %9s%n", "engine",
        "arch", "b1 img/s", "b32 img/s", "b256 img/s", "GFLOP/s", "%peak", "p50 us", "p99 us",
        "heap B/img", "RSS MiB", "peak MiB");
    for (String engine : engines) {
      for (String arch : archs) {
        Map<String, String> key = Map.of("engine", engine, "arch", arch);
        java.util.Optional<Record> b256 = find("ThroughputBenchmark.batch256", key);
        OptionalDouble flops = b256.map(r -> r.secondary("flop")).orElse(OptionalDouble.empty());
        java.util.Optional<Record> latency = find("LatencyBenchmark.batch001", key);
        out.printf(Locale.ROOT, "%-16s %-7s %10s %10s %10s %9s %7s %9s %9s %11s %9s %9s%n", engine,
            arch, format(score("ThroughputBenchmark.batch001", key), "%.0f", 1),
            format(score("ThroughputBenchmark.batch032", key), "%.0f", 1),
            format(score("ThroughputBenchmark.batch256", key), "%.0f", 1),
            format(flops, "%.2f", 1e-9),
            flops.isPresent() && peak.isPresent()
                ? String.format(Locale.ROOT, "%.1f", 100 * flops.getAsDouble() / peak.getAsDouble())
                : "-",
            latency.map(r -> String.format(Locale.ROOT, "%.1f", r.percentile("50.0"))).orElse("-"),
            latency.map(r -> String.format(Locale.ROOT, "%.1f", r.percentile("99.0"))).orElse("-"),
            format(b256.map(Record::heapBytesPerOperation).orElse(OptionalDouble.empty()), "%.0f", 1),
            format(b256.map(r -> r.secondary("native.rssAnon")).orElse(OptionalDouble.empty()), "%.0f", 1),
            format(b256.map(r -> r.secondary("native.peakRss")).orElse(OptionalDouble.empty()), "%.0f", 1));
      }
    }
    out.printf(Locale.ROOT, "%n%-16s %-7s %12s %12s %14s %10s %10s %8s%n", "engine", "arch",
        "start ms", "load ms", "1st infer ms", "1 thr", "all thr", "speed-up");
    for (String engine : engines) {
      for (String arch : archs) {
        Map<String, String> key = Map.of("engine", engine, "arch", arch);
        OptionalDouble one = score("ThreadsBenchmark.batch032",
            Map.of("engine", engine, "arch", arch, "threads", "1"));
        OptionalDouble all = score("ThreadsBenchmark.batch032",
            Map.of("engine", engine, "arch", arch, "threads", "all"));
        out.printf(Locale.ROOT, "%-16s %-7s %12s %12s %14s %10s %10s %8s%n", engine, arch,
            format(score("ColdStartBenchmark.engineStart", Map.of("engine", engine)), "%.1f", 1),
            format(score("ColdStartBenchmark.modelLoad", key), "%.1f", 1),
            format(score("ColdStartBenchmark.firstInference", key), "%.2f", 1),
            format(one, "%.0f", 1), format(all, "%.0f", 1),
            one.isPresent() && all.isPresent()
                ? String.format(Locale.ROOT, "%.2fx", all.getAsDouble() / one.getAsDouble()) : "-");
      }
    }
    out.printf(Locale.ROOT, "%n%-7s %14s %16s %9s%n", "arch", "plain ORT us", "archbench ORT us",
        "overhead");
    for (String arch : archs) {
      OptionalDouble plain = score("OnnxRuntimeOverheadBenchmark.plainSession", Map.of("arch", arch));
      OptionalDouble harness =
          score("OnnxRuntimeOverheadBenchmark.archbenchEngine", Map.of("arch", arch));
      if (plain.isPresent() && harness.isPresent()) {
        out.printf(Locale.ROOT, "%-7s %14.2f %16.2f %8.1f%%%n", arch, plain.getAsDouble(),
            harness.getAsDouble(), 100 * (harness.getAsDouble() / plain.getAsDouble() - 1));
      }
    }
  }

  private static String format(OptionalDouble value, String pattern, double scale) {
    return value.isPresent() ? String.format(Locale.ROOT, pattern, value.getAsDouble() * scale) : "-";
  }
}
