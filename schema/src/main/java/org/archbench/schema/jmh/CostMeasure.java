package org.archbench.schema.jmh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cost question the report answers, by the benchmark method that measures it: jmh/figures.json
 * names each figure by that method ({@code ThroughputBenchmark.batch256}), and the report asks for
 * a figure by its measure, never by the method's name. Each measure knows the parameters that tell
 * its configurations apart: a figure is found by those alone, the model variant of a result that
 * names none being float32.
 *
 * <p>A new question costs one constant here, the benchmark class that measures it, and the section
 * that shows it.
 */
public enum CostMeasure {

  /** One request of one image: its latency percentiles, and its rate as images/s. */
  BATCH_ONE_LATENCY("LatencyBenchmark.batch001", ConfigurationParams.CONFIGURATION),
  /** Images/s at batch 32, on all cores. */
  BATCH_32_THROUGHPUT("ThroughputBenchmark.batch032", ConfigurationParams.CONFIGURATION),
  /** Images/s at batch 256, on all cores, with the process's memory and the FLOP/s. */
  BATCH_256_THROUGHPUT("ThroughputBenchmark.batch256", ConfigurationParams.CONFIGURATION),
  /** Images/s at batch 32 with the engine on the number of intra-op threads of {@code threads}. */
  THREADS_BATCH_32("ThreadsBenchmark.batch032", List.of(ConfigurationParams.ARCH,
      ConfigurationParams.ENGINE, ConfigurationParams.VARIANT, ConfigurationParams.THREADS)),
  /** Milliseconds to start an engine in a fresh JVM: the engine's alone. */
  ENGINE_START("ColdStartBenchmark.engineStart", List.of(ConfigurationParams.ENGINE)),
  /** Milliseconds to load a model into a started engine. */
  MODEL_LOAD("ColdStartBenchmark.modelLoad", ConfigurationParams.CONFIGURATION),
  /** Milliseconds of the first inference of a loaded model. */
  FIRST_INFERENCE("ColdStartBenchmark.firstInference", ConfigurationParams.CONFIGURATION),
  /** The GEMM anchor: the machine's FLOP/s on a plain matrix product, the peak's first candidate. */
  GEMM_PEAK("PeakGemmBenchmark.matmul", List.of()),
  /** archbench's ONNX Runtime engine against a plain session loop, per architecture. */
  ONNX_RUNTIME_OVERHEAD("OnnxRuntimeOverheadBenchmark.bothPaths",
      List.of(ConfigurationParams.ARCH));

  private final String benchmark;
  private final List<String> keyedBy;

  CostMeasure(String benchmark, List<String> keyedBy) {
    this.benchmark = benchmark;
    this.keyedBy = keyedBy;
  }

  /** The benchmark method, {@code Class.method}, as JMH and figures.json name it. */
  public String benchmark() {
    return benchmark;
  }

  /** The parameters that tell this measure's configurations apart. */
  public List<String> keyedBy() {
    return keyedBy;
  }

  /**
   * The measure of {@code benchmark}, named {@code Class.method} or with its package; empty for a
   * benchmark no question reads.
   */
  public static Optional<CostMeasure> of(String benchmark) {
    for (CostMeasure measure : values()) {
      if (benchmark.equals(measure.benchmark) || benchmark.endsWith("." + measure.benchmark)) {
        return Optional.of(measure);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code params} reduced to the parameters this measure is keyed by, each present (empty where
   * {@code params} lacks it), the variant float32 where they name none.
   */
  public Map<String, String> key(Map<String, String> params) {
    Map<String, String> key = new LinkedHashMap<>();
    for (String name : keyedBy) {
      key.put(name, ConfigurationParams.param(params, name));
    }
    return key;
  }
}
