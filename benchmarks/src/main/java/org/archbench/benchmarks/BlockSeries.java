package org.archbench.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the counted blocks of the steady-state benchmarks measured: per benchmark method, each
 * configuration's turn values per block, so that a figure of a configuration is a series over the
 * blocks (NaN where it took no turn) and two configurations of one benchmark pair up by block.
 */
final class BlockSeries {

  /** Per benchmark, its counted blocks so far; per block, each configuration's turn. */
  private final Map<String, List<Map<Map<String, String>, TurnValues>>> blocks =
      new LinkedHashMap<>();

  /** Per benchmark, the anchor's GFLOP/s in each counted block; NaN where it gave none. */
  private final Map<String, List<Double>> anchors = new LinkedHashMap<>();

  /** Opens the next counted block of {@code benchmark}; its number from 0. */
  int openBlock(String benchmark) {
    List<Map<Map<String, String>, TurnValues>> list =
        blocks.computeIfAbsent(benchmark, b -> new ArrayList<>());
    list.add(new LinkedHashMap<>());
    return list.size() - 1;
  }

  /** The anchor's GFLOP/s in counted block {@code block} of {@code benchmark}. */
  void anchor(String benchmark, int block, double gflops) {
    List<Double> list = anchors.computeIfAbsent(benchmark, b -> new ArrayList<>());
    while (list.size() <= block) {
      list.add(Double.NaN);
    }
    list.set(block, gflops);
  }

  /** The anchor's GFLOP/s in each counted block of {@code benchmark}; NaN where it gave none. */
  double[] anchor(String benchmark) {
    double[] values = new double[blocks(benchmark)];
    Arrays.fill(values, Double.NaN);
    List<Double> list = anchors.getOrDefault(benchmark, List.of());
    for (int i = 0; i < Math.min(values.length, list.size()); i++) {
      values[i] = list.get(i);
    }
    return values;
  }

  void add(String benchmark, int block, Map<String, String> params, TurnValues turn) {
    blocks.get(benchmark).get(block).put(Map.copyOf(params), turn);
  }

  /** The benchmarks with a counted block, in the order their first ran. */
  Set<String> benchmarks() {
    return blocks.keySet();
  }

  /** The counted blocks of {@code benchmark}. */
  int blocks(String benchmark) {
    return blocks.getOrDefault(benchmark, List.of()).size();
  }

  /** The configurations measured in a counted block of {@code benchmark}, in first-seen order. */
  Set<Map<String, String>> configurations(String benchmark) {
    Set<Map<String, String>> configurations = new LinkedHashSet<>();
    blocks.getOrDefault(benchmark, List.of())
        .forEach(block -> configurations.addAll(block.keySet()));
    return configurations;
  }

  /** The blocks {@code params} took a turn in, of {@code benchmark}. */
  int blocksOf(String benchmark, Map<String, String> params) {
    return (int) blocks.getOrDefault(benchmark, List.of()).stream()
        .filter(block -> block.containsKey(params)).count();
  }

  /** {@code figure} of {@code params} in each block of {@code benchmark}; NaN if not measured. */
  double[] values(String benchmark, Map<String, String> params, String figure) {
    List<Map<Map<String, String>, TurnValues>> list = blocks.getOrDefault(benchmark, List.of());
    double[] values = new double[list.size()];
    Arrays.fill(values, Double.NaN);
    for (int i = 0; i < list.size(); i++) {
      TurnValues turn = list.get(i).get(params);
      if (turn != null) {
        values[i] = turn.figures().getOrDefault(figure, Double.NaN);
      }
    }
    return values;
  }

  /** The unit of {@code benchmark}'s primary score, as its turns gave it. */
  String unit(String benchmark) {
    return blocks.getOrDefault(benchmark, List.of()).stream()
        .flatMap(block -> block.values().stream()).map(TurnValues::unit).findFirst().orElse("");
  }

  /** The figure names {@code params}' turns of {@code benchmark} gave, first turn's first. */
  Set<String> figures(String benchmark, Map<String, String> params) {
    Set<String> names = new LinkedHashSet<>();
    blocks.getOrDefault(benchmark, List.of()).stream().map(block -> block.get(params))
        .filter(turn -> turn != null).forEach(turn -> names.addAll(turn.figures().keySet()));
    return names;
  }

  /** The samples behind {@code params}' turns of {@code benchmark}, all blocks together. */
  long samples(String benchmark, Map<String, String> params) {
    return blocks.getOrDefault(benchmark, List.of()).stream()
        .map(block -> block.get(params)).filter(turn -> turn != null)
        .mapToLong(TurnValues::samples).sum();
  }
}
