package org.archbench.benchmarks;

import java.util.ArrayList;
import org.archbench.schema.engine.NotSupported;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The configurations a part of the benchmark stage measures: every benchmark method its includes
 * select, with one value of each parameter the method declares. The registries give arch, engine
 * and variant (a new engine needs no edit here); a method's own parameters (the GEMM's library)
 * come from its declaration.
 *
 * @param configurations every configuration, in JMH's order
 */
record BenchmarkPlan(List<BenchmarkPlan.Configuration> configurations) {

  /**
   * One configuration: a benchmark method and one value of each parameter it declares.
   *
   * @param benchmark the method, {@code package.Class.method}
   * @param params every parameter the method declares: arch, engine and variant from the
   *     registries, others (the GEMM's library) from their declaration
   */
  record Configuration(String benchmark, Map<String, String> params) {

    /** JMH's include pattern of exactly this method. */
    String include() {
      return "^" + Pattern.quote(benchmark) + "$";
    }

    /** {@code ThroughputBenchmark.batch032 arch=cnn engine=onnxruntime variant=float32}. */
    String label() {
      StringBuilder label = new StringBuilder(
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1));
      params.forEach((name, value) -> label.append(' ').append(name).append('=').append(value));
      return label.toString();
    }
  }

  /**
   * The configurations of the benchmark methods {@code includes} selects (from the benchmark list
   * JMH's annotation processor wrote), over {@code values} of the registry parameters.
   */
  static BenchmarkPlan of(List<String> includes, Map<String, List<String>> values) {
    List<BenchmarkListEntry> entries = new ArrayList<>(BenchmarkList.defaultList().find(
        OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), includes,
        List.of()));
    List<Configuration> configurations = new ArrayList<>();
    for (BenchmarkListEntry entry : entries) {
      Map<String, String[]> declared = entry.getParams().orElse(Map.of());
      List<Map<String, String>> combinations = List.of(new LinkedHashMap<>());
      for (Map.Entry<String, List<String>> parameter : values.entrySet()) {
        if (declared.containsKey(parameter.getKey())) {
          combinations = expand(combinations, parameter.getKey(), parameter.getValue());
        }
      }
      // Parameters of the method's own (the GEMM's library and size) from its declaration: each
      // value is a configuration, a fork of its own.
      for (Map.Entry<String, String[]> parameter : new java.util.TreeMap<>(declared).entrySet()) {
        if (!values.containsKey(parameter.getKey())) {
          combinations = expand(combinations, parameter.getKey(), List.of(parameter.getValue()));
        }
      }
      for (Map<String, String> params : combinations) {
        Configuration configuration = new Configuration(entry.getUsername(), params);
        if (!configurations.contains(configuration)) {
          configurations.add(configuration);
        }
      }
    }
    return new BenchmarkPlan(List.copyOf(configurations));
  }

  /**
   * This plan without the configurations of {@code pairs}, the engine and model pairs the engine
   * cannot run. A configuration that declares no engine (the GEMM) is never one of them.
   */
  BenchmarkPlan without(List<NotSupported> pairs) {
    List<Configuration> kept = configurations.stream().filter(configuration -> {
      Map<String, String> params = configuration.params();
      return !params.containsKey(BenchmarkParameters.ENGINE) || NotSupported.find(pairs,
          params.get(BenchmarkParameters.ARCH), params.get(BenchmarkParameters.ENGINE),
          params.get(BenchmarkParameters.VARIANT)).isEmpty();
    }).toList();
    return new BenchmarkPlan(kept);
  }

  private static List<Map<String, String>> expand(
      List<Map<String, String>> combinations, String name, List<String> values) {
    List<Map<String, String>> expanded = new ArrayList<>();
    for (Map<String, String> combination : combinations) {
      for (String value : values) {
        Map<String, String> params = new LinkedHashMap<>(combination);
        params.put(name, value);
        expanded.add(params);
      }
    }
    return expanded;
  }
}
