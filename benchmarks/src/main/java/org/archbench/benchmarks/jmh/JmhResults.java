package org.archbench.benchmarks.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import java.util.OptionalDouble;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.ConfigurationParams;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.Verdict;

/**
 * JMH's JSON results (jmh/results.json), read as JMH wrote them: find a benchmark by its class and
 * method and its params, and read its score, percentiles and secondary metrics. The benchmark stage
 * alone reads them: it makes jmh/figures.json of them ({@link CostFigures}), which the report reads.
 */
public final class JmhResults {

  /** JMH leaves gc.alloc.rate.norm out when a benchmark allocated nothing: that reads as 0. */
  private static final String HEAP_PER_OPERATION = "gc.alloc.rate.norm";

  private final List<Record> records;

  JmhResults(List<Record> records) {
    this.records = List.copyOf(records);
  }

  /**
   * One JMH record.
   *
   * @param benchmark {@code Class.method}, without the package
   * @param params the JMH params
   * @param node the whole record as JMH wrote it
   */
  public record Record(String benchmark, Map<String, String> params, JsonNode node) {

    /**
     * A JMH param's value, "" if the record has none; the model variant of a record written before
     * benchmarks had one is float32 ({@link #variant}).
     */
    public String param(String name) {
      return ConfigurationParams.param(params, name);
    }

    /** The model variant benchmarked, float32 where the record names none. */
    public String variant() {
      return ConfigurationParams.param(params, ConfigurationParams.VARIANT);
    }

    public double score() {
      return node.path("primaryMetric").path("score").asDouble(Double.NaN);
    }

    public String scoreUnit() {
      return node.path("primaryMetric").path("scoreUnit").asText("");
    }

    /** A percentile of the primary metric, e.g. {@code "50.0"}; NaN if JMH gave none. */
    public double percentile(String percentile) {
      return node.path("primaryMetric").path("scorePercentiles").path(percentile).asDouble(Double.NaN);
    }

    /** A secondary metric's score by name; profiler metrics may carry a leading middle dot. */
    public OptionalDouble secondary(String name) {
      return secondaryMetric(name).map(metric -> metric.path("score"))
          .filter(JsonNode::isNumber).map(score -> OptionalDouble.of(score.asDouble()))
          .orElse(OptionalDouble.empty());
    }

    /** The secondary metric {@code name}, with or without the profilers' leading middle dot. */
    private Optional<JsonNode> secondaryMetric(String name) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.path("secondaryMetrics").fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals(name) || field.getKey().equals("\u00b7" + name)) {
          return Optional.of(field.getValue());
        }
      }
      return Optional.empty();
    }

    /**
     * The primary metric (images/s, ms per call) as an {@link Estimate} over the forks: each
     * fork's mean of its measurement iterations, or, for latency samples, of its samples.
     */
    public Estimate estimate(double target) {
      JsonNode primary = node.path("primaryMetric");
      List<Histogram> forks = Histogram.perFork(primary.path("rawDataHistogram"));
      if (!forks.isEmpty()) {
        return steadyOrNot(Estimate.of(forks.stream().mapToDouble(Histogram::mean).toArray(),
            forks.stream().mapToLong(Histogram::count).sum(), 0, target));
      }
      return steadyOrNot(estimateOfIterations(primary, target));
    }

    /**
     * The calls per second of a timed benchmark (JMH's sample or average time) as an
     * {@link Estimate} over the forks: each fork's reciprocal of its mean time per call, so the
     * fork stays the independent unit and the interval is over the forks' rates.
     *
     * @throws IllegalArgumentException if the score is not a time per operation
     */
    public Estimate rateEstimate(double target) {
      double secondsPerUnit = secondsPerUnit(benchmark, scoreUnit());
      Estimate time = estimate(target);
      double[] rates = time.forkValues().stream()
          .mapToDouble(perCall -> 1 / (perCall * secondsPerUnit)).toArray();
      return steadyOrNot(Estimate.of(rates, time.samples(), 0, target));
    }

    /**
     * The seconds of one {@code unit} of a time per operation: 1e-6 for us/op.
     *
     * @throws IllegalArgumentException naming {@code benchmark} if the unit is not a time per
     *     operation
     */
    public static double secondsPerUnit(String benchmark, String unit) {
      return switch (unit) {
        case "s/op" -> 1;
        case "ms/op" -> 1e-3;
        case "us/op" -> 1e-6;
        case "ns/op" -> 1e-9;
        default -> throw new IllegalArgumentException(benchmark + ": expected a time per"
            + " operation (s/op, ms/op, us/op or ns/op), found " + (unit.isEmpty() ? "no unit" : unit));
      };
    }

    /** The secondary metric of the forks' warm-up: 1 where it reached steady state, else 0. */
    public static final String WARMUP_STEADY = "warmup.steady";

    /**
     * Whether a fork's warm-up never reached steady state: {@link #WARMUP_STEADY} is 0 in some
     * iteration of some fork. A record without the metric (a benchmark without such a warm-up,
     * or one recorded before it) is not flagged.
     */
    public boolean someForkNotSteady() {
      return secondaryMetric(WARMUP_STEADY).stream()
          .flatMap(metric -> StreamSupport.stream(
              metric.path("rawData").spliterator(), false))
          .flatMap(fork -> StreamSupport.stream(fork.spliterator(), false))
          .anyMatch(value -> value.isNumber() && value.asDouble() < 1);
    }

    /** {@code estimate}, flagged "not steady" if a fork of this record never got steady. */
    private Estimate steadyOrNot(Estimate estimate) {
      return someForkNotSteady() ? estimate.withVerdict(Verdict.NOT_STEADY) : estimate;
    }

    /**
     * A percentile of the latency samples (0.99 for p99) as an {@link Estimate} over the forks:
     * each fork's own percentile. With fewer samples in all than {@link Estimate#minimumSamples}
     * it reads "too few samples", as does a record trimmed of its samples (JMH's percentile, one
     * value); a record without the percentile has no such estimate.
     */
    public Optional<Estimate> percentileEstimate(double quantile, double target) {
      List<Histogram> forks =
          Histogram.perFork(node.path("primaryMetric").path("rawDataHistogram"));
      if (forks.isEmpty()) {
        // Trimmed of its samples: JMH's own percentile, of no known number of samples.
        double value = percentile(percentileKey(quantile));
        return Double.isNaN(value) ? Optional.empty() : Optional.of(Estimate.of(
            new double[] {value}, 0, Estimate.minimumSamples(quantile), target));
      }
      return Optional.of(steadyOrNot(Estimate.of(
          forks.stream().mapToDouble(fork -> fork.percentile(quantile)).toArray(),
          forks.stream().mapToLong(Histogram::count).sum(), Estimate.minimumSamples(quantile),
          target)));
    }

    /** JMH's key of a percentile: {@code "50.0"} for 0.5, {@code "99.9"} for 0.999. */
    static String percentileKey(double quantile) {
      String percent = new BigDecimal(Double.toString(quantile)).movePointRight(2)
          .stripTrailingZeros().toPlainString();
      return percent.contains(".") ? percent : percent + ".0";
    }

    /** A secondary metric (a profiler's, by name as {@link #secondary}) as an {@link Estimate}. */
    public Optional<Estimate> secondaryEstimate(String name, double target) {
      return secondaryMetric(name).map(metric -> estimateOfIterations(metric, target));
    }

    /**
     * A metric's estimate from JMH's rawData, one list of iteration values per fork; a record
     * trimmed of its raw data stands for one fork of its score.
     */
    private static Estimate estimateOfIterations(JsonNode metric, double target) {
      JsonNode forks = metric.path("rawData");
      List<double[]> iterations = new ArrayList<>();
      for (JsonNode fork : forks) {
        double[] values = new double[fork.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = fork.get(i).asDouble(Double.NaN);
        }
        if (values.length > 0) {
          iterations.add(values);
        }
      }
      if (iterations.isEmpty()) {
        return Estimate.of(new double[] {metric.path("score").asDouble(Double.NaN)}, 1, 0, target);
      }
      return Estimate.of(
          iterations.stream().mapToDouble(values -> Arrays.stream(values).average().orElseThrow())
              .toArray(),
          iterations.stream().mapToLong(values -> values.length).sum(), 0, target);
    }

    /**
     * For the paired OnnxRuntimeOverheadBenchmark, the mean microseconds per call of each path;
     * empty where a path's time is missing.
     */
    public Optional<Overhead> overhead() {
      OptionalDouble plain = secondary("plainNanos");
      OptionalDouble archbench = secondary("archbenchNanos");
      if (plain.isEmpty() || archbench.isEmpty() || plain.getAsDouble() <= 0) {
        return Optional.empty();
      }
      // The score is the mean over both paths' calls; each path's share of the time splits it.
      double total = plain.getAsDouble() + archbench.getAsDouble();
      double perCall = score();
      return Optional.of(new Overhead(2 * perCall * plain.getAsDouble() / total,
          2 * perCall * archbench.getAsDouble() / total));
    }

    /** The JMH that measured the record. */
    public String jmhVersion() {
      return node.path("jmhVersion").asText(null);
    }

    /** The forked JVM's name, version and JDK, e.g. "OpenJDK 64-Bit Server VM 17.0.15 (JDK 17.0.15)". */
    public String benchmarkJvm() {
      return node.path("vmName").asText(null) + " " + node.path("vmVersion").asText(null)
          + " (JDK " + node.path("jdkVersion").asText(null) + ")";
    }

    /** Heap bytes per operation: 0 where the gc profiler ran and JMH left the key out. */
    public OptionalDouble heapBytesPerOperation() {
      OptionalDouble bytes = secondary(HEAP_PER_OPERATION);
      if (bytes.isPresent()) {
        return bytes;
      }
      return secondary("gc.alloc.rate").isPresent() ? OptionalDouble.of(0) : OptionalDouble.empty();
    }
  }

  /**
   * Reads a results file.
   *
   * @throws IOException if it is not JSON or not an array of results, naming the file
   */
  public static JmhResults read(Path file) throws IOException {
    JsonNode tree = JsonFiles.readTree(file, "JMH's JSON results", "Run the benchmarks again.");
    if (!tree.isArray()) {
      throw new IOException(file + ": expected JMH's JSON results, an array of benchmark results,"
          + " found " + (tree.isMissingNode() ? "an empty file" : "a JSON " + tree.getNodeType())
          + ". Run the benchmarks again.");
    }
    return of(tree);
  }

  /** Reads the records of a parsed results array. */
  public static JmhResults of(JsonNode array) {
    List<Record> records = new ArrayList<>();
    for (JsonNode node : array) {
      Map<String, String> params = new LinkedHashMap<>();
      node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      String benchmark = node.path("benchmark").asText();
      int method = benchmark.lastIndexOf('.');
      benchmark = benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1);
      records.add(new Record(benchmark, params, node));
    }
    return new JmhResults(records);
  }

  public List<Record> records() {
    return records;
  }

  /** The first record of {@code benchmark} ({@code Class.method}) whose params include {@code params}. */
  public Optional<Record> find(String benchmark, Map<String, String> params) {
    return records.stream()
        .filter(r -> r.benchmark().equals(benchmark))
        .filter(r -> params.entrySet().stream().allMatch(e -> e.getValue().equals(r.param(e.getKey()))))
        .findFirst();
  }

  /** The score of {@link #find}, if there is such a record. */
  public OptionalDouble score(String benchmark, Map<String, String> params) {
    return find(benchmark, params).map(r -> OptionalDouble.of(r.score())).orElse(OptionalDouble.empty());
  }

  /** Images/s of the float32 model at batch 32 on one intra-op thread ({@code ThreadsBenchmark}). */
  public OptionalDouble oneThreadAtBatch32(String engine, String arch) {
    return score("ThreadsBenchmark.batch032",
        ConfigurationParams.float32OnOneThread(engine, arch));
  }

  /**
   * Images/s at batch 32 on all cores: {@code ThroughputBenchmark.batch032}, which runs the same
   * images with the same engine settings, so it is not measured twice.
   */
  public OptionalDouble allCoresAtBatch32(String engine, String arch) {
    return score("ThroughputBenchmark.batch032", ConfigurationParams.float32(engine, arch));
  }

  /**
   * archbench's ONNX Runtime engine against the plain-session baseline for {@code arch}, from the
   * paired OnnxRuntimeOverheadBenchmark ({@link Record#overhead}).
   */
  public Optional<Overhead> overhead(String arch) {
    return find("OnnxRuntimeOverheadBenchmark.bothPaths", Map.of("arch", arch))
        .flatMap(Record::overhead);
  }

  /**
   * Mean microseconds per batch-1 call of each path, measured alternately in the same forks.
   *
   * @param plainMicros the plain OrtSession loop
   * @param archbenchMicros archbench's engine
   */
  public record Overhead(double plainMicros, double archbenchMicros) {

    /** archbench's time over the plain loop's, minus one. */
    public double share() {
      return archbenchMicros / plainMicros - 1;
    }
  }

  /** The GEMM's FLOP/s: the best of PeakGemmBenchmark's libraries, if it ran. */
  public OptionalDouble gemmFlops() {
    return bestFlop(r -> r.benchmark().equals("PeakGemmBenchmark.matmul"));
  }

  /**
   * The peak the shares of peak are taken against: the best FLOP/s sustained in this run, by the
   * GEMM or by a model's throughput where one beat it. Convolution kernels can outrun a plain
   * 1024 x 1024 GEMM, and forks on a shared machine vary, so the GEMM alone could give shares above
   * 100%. Only float32 models count: an int8 model's multiply-adds run on the integer units, whose
   * peak is not the float GEMM's, so a share of it would mean nothing.
   */
  public OptionalDouble peakFlops() {
    return bestFlop(r -> r.benchmark().equals("PeakGemmBenchmark.matmul")
        || r.benchmark().startsWith("ThroughputBenchmark.")
            && r.variant().equals(ModelVariantIds.FLOAT32));
  }

  private OptionalDouble bestFlop(java.util.function.Predicate<Record> which) {
    return records.stream()
        .filter(which)
        .map(r -> r.secondary("flop"))
        .filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble)
        .max();
  }
}
