package org.archbench.schema.jmh;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.RandomAccess;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.io.MayBeAbsent;
import org.archbench.schema.io.ResultFormat;

/**
 * jmh/figures.json: every cost figure of the benchmark stage as archbench publishes it, the one
 * source of cost figures for the report, so that a reader needs no JMH: each benchmark and
 * parameters' mean, latency percentiles, batch-1 rate, memory and heap per operation, each with
 * its 95% interval, the forks (or blocks) and samples behind it, its target and its verdict; the
 * paired comparisons between configurations measured in the same blocks; and which JMH and JVM
 * measured them. The report looks a figure up by its {@link CostMeasure} and {@link FigureKind}
 * ({@link #find}), through an index built once with the record.
 *
 * @param figures every figure, in the order of the results' records
 * @param comparisons every paired comparison, each with its verdict (empty in files of format 1.0)
 * @param jmhVersion the JMH that measured the figures (absent in files before 1.2, or without any)
 * @param benchmarkJvm the forked JVM's name, version and JDK (absent as {@code jmhVersion} is)
 * @param createdAt ISO-8601 instant
 */
@ResultFormat(file = "jmh/figures.json", minor = 2)
public record FigureEstimates(List<Figure> figures, @MayBeAbsent List<Comparison> comparisons,
    @MayBeAbsent String jmhVersion, @MayBeAbsent String benchmarkJvm, String createdAt) {

  /** An absent list reads as empty; the figures are indexed once, for {@link #find}. */
  public FigureEstimates {
    figures = figures instanceof Indexed indexed ? indexed : new Indexed(figures);
    comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
  }

  /**
   * One figure.
   *
   * @param benchmark the benchmark method, {@code Class.method}
   * @param params its JMH parameters
   * @param figure {@code mean}, {@code p50}, {@code p99}, {@code native.peakRss}, ... (the ids of
   *     {@link FigureKind})
   * @param unit the figure's unit: images/s, us/op, MiB, B/op
   * @param estimate the value, its interval, forks, samples, target and verdict
   */
  public record Figure(String benchmark, Map<String, String> params, String figure, String unit,
      Estimate estimate) {

    /** The parameters in the order of their names, so that a file is written the same each time. */
    public Figure {
      params = params == null ? Map.of()
          : Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(params)));
    }

    /** The cost question it answers, if the report reads it. */
    public Optional<CostMeasure> measure() {
      // A damaged file may lack the name; the reader refuses it once the record is made.
      return benchmark == null ? Optional.empty() : CostMeasure.of(benchmark);
    }

    /** Its parameter {@code name}: "" where it has none, float32 for a variant it does not name. */
    public String param(String name) {
      return ConfigurationParams.param(params, name);
    }
  }

  /**
   * The figure {@code kind} of {@code measure} for the configuration {@code params}, compared on
   * the parameters the measure is keyed by ({@link CostMeasure#key}); the first where the stage
   * wrote several.
   */
  public Optional<Estimate> find(CostMeasure measure, Map<String, String> params,
      FigureKind kind) {
    return Optional.ofNullable(((Indexed) figures).byKey.get(
        new Key(measure, kind.id(), measure.key(params)))).map(Figure::estimate);
  }

  /** Whether {@code measure} has any figure of the configuration {@code params}. */
  public boolean measured(CostMeasure measure, Map<String, String> params) {
    return ((Indexed) figures).measured.contains(new Key(measure, "", measure.key(params)));
  }

  /** Every figure {@code kind} of {@code measure}, of every configuration, in the file's order. */
  public List<Figure> all(CostMeasure measure, FigureKind kind) {
    return ((Indexed) figures).byMeasure.getOrDefault(new Key(measure, kind.id(), Map.of()),
        List.of());
  }

  /**
   * The FLOP/s that shares of peak are taken against: the best this run sustained, by the GEMM
   * anchor or by a float32 model's throughput where one beat it (a convolution kernel can outrun a
   * plain 1024 x 1024 GEMM, and a GEMM alone could give shares above 100%). An int8 model's
   * multiply-adds run on the integer units, whose peak is not the float GEMM's, so it does not
   * count.
   */
  public OptionalDouble peakFlops() {
    return Stream.of(CostMeasure.GEMM_PEAK, CostMeasure.BATCH_32_THROUGHPUT,
            CostMeasure.BATCH_256_THROUGHPUT)
        .flatMap(measure -> all(measure, FigureKind.FLOP).stream())
        .filter(figure -> figure.measure().equals(Optional.of(CostMeasure.GEMM_PEAK))
            || figure.param(ConfigurationParams.VARIANT).equals(ModelVariantIds.FLOAT32))
        .mapToDouble(figure -> figure.estimate().value())
        .filter(Double::isFinite)
        .max();
  }

  /**
   * These figures and comparisons without those of the configurations {@code left} picks out (by
   * their parameters): figures of a model changed since they were measured.
   */
  public FigureEstimates without(Predicate<Map<String, String>> left) {
    return new FigureEstimates(figures.stream().filter(f -> !left.test(f.params())).toList(),
        comparisons.stream().filter(c -> !left.test(c.a()) && !left.test(c.b())).toList(),
        jmhVersion, benchmarkJvm, createdAt);
  }

  /** A figure's place in the index: its measure, kind and key; kind "" for "any figure". */
  private record Key(CostMeasure measure, String figure, Map<String, String> params) {}

  /** The figures as a list, indexed by measure, kind and key once, when the record is made. */
  private static final class Indexed extends AbstractList<Figure> implements RandomAccess {

    private final List<Figure> figures;
    private final Map<Key, Figure> byKey = new HashMap<>();
    private final Map<Key, List<Figure>> byMeasure = new HashMap<>();
    private final Set<Key> measured = new HashSet<>();

    Indexed(List<Figure> figures) {
      this.figures = figures == null ? List.of() : List.copyOf(figures);
      for (Figure figure : this.figures) {
        figure.measure().ifPresent(measure -> {
          Map<String, String> key = measure.key(figure.params());
          byKey.putIfAbsent(new Key(measure, figure.figure(), key), figure);
          measured.add(new Key(measure, "", key));
          byMeasure.computeIfAbsent(new Key(measure, figure.figure(), Map.of()),
              k -> new ArrayList<>()).add(figure);
        });
      }
    }

    @Override
    public Figure get(int index) {
      return figures.get(index);
    }

    @Override
    public int size() {
      return figures.size();
    }
  }
}
