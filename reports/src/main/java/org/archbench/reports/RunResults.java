package org.archbench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.archbench.schema.ModelVariantIds;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.imbalance.ImbalanceReport;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.ConfigurationParams;
import org.archbench.schema.jmh.CostMeasure;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.FigureKind;
import org.archbench.schema.jmh.MachineStability;
import org.archbench.schema.jmh.NotSupportedPairs;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.robustness.RobustnessReport;
import org.archbench.schema.run.RunManifest;
import org.archbench.schema.stats.StatisticsReport;
import org.archbench.schema.study.LossReport;
import org.archbench.schema.study.TransferReport;
import org.archbench.schema.training.TrainingReport;

/**
 * The result files of one run directory, read as their records. A file that is absent is empty
 * here, never zero: the report shows it as missing. A file that exists but does not read as its
 * record is an error naming it.
 *
 * @param directory the run's output directory
 * @param run run.json
 * @param training training/&lt;arch&gt;.json by arch
 * @param evaluations eval/&lt;arch&gt;.json by arch
 * @param robustness robustness/&lt;stem&gt;.json by stem: the arch for the float32 model,
 *     &lt;arch&gt;.&lt;variant&gt; for a derived one
 * @param imbalance imbalance/&lt;arch&gt;.json by arch
 * @param transfer transfer/&lt;arch&gt;.json by arch
 * @param loss loss/&lt;arch&gt;.json by arch
 * @param statistics stats.json
 * @param stability jmh/stability.json: the machine's drift and load while it was benchmarked
 * @param benchmarksNotSupported jmh/not-supported.json: the pairs the benchmarks left out
 * @param figures jmh/figures.json, the one source of the report's cost figures: every figure of
 *     the benchmarks and the paired comparisons of configurations measured in the same blocks
 */
public record RunResults(
    Path directory,
    Optional<RunManifest> run,
    Map<String, TrainingReport> training,
    Map<String, EvaluationReport> evaluations,
    Map<String, RobustnessReport> robustness,
    Map<String, ImbalanceReport> imbalance,
    Map<String, TransferReport> transfer,
    Map<String, LossReport> loss,
    Optional<StatisticsReport> statistics,
    Optional<MachineStability> stability,
    Optional<NotSupportedPairs> benchmarksNotSupported,
    Optional<FigureEstimates> figures) {

  /** The canonical order of the architectures; others follow alphabetically. */
  private static final List<String> CANONICAL = List.of("mlp", "cnn", "secnn", "resnet", "vgg");

  /**
   * Reads every result file under {@code directory}.
   *
   * @throws IOException if the directory does not exist or holds no result, or a result file does
   *     not read
   */
  public static RunResults read(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new IOException(directory + ": expected a run's output directory (e.g. target/bench),"
          + " found no such directory. Run mvn verify -Pbench, or pass --in DIR.");
    }
    OutputLayout layout = new OutputLayout(directory);
    RunResults results = new RunResults(directory, file(layout.runManifest(), RunManifest.class),
        perArch(layout.trainingReports(), TrainingReport.class),
        perArch(layout.evaluations(), EvaluationReport.class),
        perArch(layout.robustnessReports(), RobustnessReport.class),
        perArch(layout.imbalanceReports(), ImbalanceReport.class),
        perArch(layout.transferReports(), TransferReport.class),
        perArch(layout.lossReports(), LossReport.class),
        file(layout.statistics(), StatisticsReport.class),
        file(layout.jmhStability(), MachineStability.class),
        file(layout.jmhNotSupported(), NotSupportedPairs.class),
        file(layout.jmhFigures(), FigureEstimates.class));
    if (results.holdsNoResult()) {
      throw new IOException(directory + ": expected a run's result files (training/, eval/,"
          + " robustness/, imbalance/, transfer/, loss/, stats.json or jmh/figures.json), found"
          + " none. Point at the"
          + " output directory of a run (e.g. target/bench), or run one: mvn verify -Pbench");
    }
    return results;
  }

  /** Whether not one stage's result is here: a directory that is not a run, or not yet one. */
  private boolean holdsNoResult() {
    return training.isEmpty() && evaluations.isEmpty() && robustness.isEmpty()
        && imbalance.isEmpty() && transfer.isEmpty() && loss.isEmpty() && statistics.isEmpty()
        && figures.isEmpty();
  }

  /** Every architecture any result file names, canonical ones first. */
  public List<String> archs() {
    Set<String> found = new TreeSet<>();
    found.addAll(training.keySet());
    found.addAll(evaluations.keySet());
    robustness.keySet().stream().map(ModelVariantIds::archOf).forEach(found::add);
    found.addAll(imbalance.keySet());
    found.addAll(transfer.keySet());
    found.addAll(loss.keySet());
    benchmarked(ConfigurationParams.ARCH).forEach(found::add);
    Set<String> ordered = new LinkedHashSet<>();
    CANONICAL.stream().filter(found::contains).forEach(ordered::add);
    ordered.addAll(found);
    return new ArrayList<>(ordered);
  }

  /** Every engine any evaluation or benchmark names, in first-seen order. */
  public List<String> engines() {
    Set<String> found = new LinkedHashSet<>();
    for (EvaluationReport evaluation : evaluations.values()) {
      evaluation.engines().forEach(engine -> found.add(engine.engine()));
    }
    benchmarked(ConfigurationParams.ENGINE).forEach(found::add);
    notSupported().forEach(pair -> found.add(pair.engine()));
    return new ArrayList<>(found);
  }

  /**
   * Every pair an engine could not run because it lacks an operator of the model, from the
   * evaluations and the benchmarks, once each.
   */
  public List<NotSupported> notSupported() {
    Map<List<String>, NotSupported> byPair = new LinkedHashMap<>();
    Stream.concat(evaluations.values().stream().flatMap(e -> e.notSupported().stream()),
            benchmarksNotSupported.stream().flatMap(pairs -> pairs.pairs().stream()))
        .filter(pair -> pair != null && pair.arch() != null && pair.engine() != null)
        .forEach(pair -> byPair.putIfAbsent(
            Arrays.asList(pair.arch(), pair.engine(), pair.variant()), pair));
    return List.copyOf(byPair.values());
  }

  /**
   * What a cell of the float32 model of {@code arch} on {@code engine} says in place of a figure,
   * if not supported.
   */
  public Optional<String> notSupported(String arch, String engine) {
    return NotSupported.find(notSupported(), arch, engine, ModelVariantIds.FLOAT32)
        .map(NotSupported::cell);
  }

  /** The evaluation of {@code variant} of {@code arch} on {@code engine}, if both ran. */
  public Optional<EngineEvaluation> evaluation(String arch, String engine, String variant) {
    EvaluationReport evaluation = evaluations.get(arch);
    return evaluation == null ? Optional.empty() : evaluation.engine(engine, variant);
  }

  /** The robustness result of {@code variant} of {@code arch}, if the study ran on it. */
  public Optional<RobustnessReport> robustness(String arch, String variant) {
    return Optional.ofNullable(robustness.get(ModelVariantIds.stem(arch, variant)));
  }

  /** Every model variant any evaluation, robustness result or benchmark names, float32 first. */
  public List<String> variants() {
    Set<String> found = new LinkedHashSet<>();
    found.add(ModelVariantIds.FLOAT32);
    for (EvaluationReport evaluation : evaluations.values()) {
      evaluation.engines().forEach(engine -> found.add(engine.variant()));
    }
    robustness.keySet().stream().map(ModelVariantIds::variantOf).forEach(found::add);
    figures.stream().flatMap(f -> f.figures().stream())
        .filter(figure -> !figure.param(ConfigurationParams.ARCH).isEmpty())
        .map(figure -> figure.param(ConfigurationParams.VARIANT)).forEach(found::add);
    return new ArrayList<>(found);
  }

  /** Every value of the parameter {@code name} the benchmarked figures give, in their order. */
  private List<String> benchmarked(String name) {
    return figures.stream().flatMap(f -> f.figures().stream())
        .map(figure -> figure.param(name)).filter(value -> !value.isEmpty()).distinct()
        .toList();
  }

  /**
   * The figure {@code kind} of {@code measure} for the configuration {@code params}, from
   * jmh/figures.json; null where the run has none, which the tables show as missing.
   */
  Estimate cost(CostMeasure measure, Map<String, String> params, FigureKind kind) {
    return figures.flatMap(f -> f.find(measure, params, kind)).orElse(null);
  }

  /** Whether jmh/figures.json has any figure of {@code measure} for {@code params}. */
  boolean measured(CostMeasure measure, Map<String, String> params) {
    return figures.isPresent() && figures.get().measured(measure, params);
  }


  private static <T> Optional<T> file(Path file, Class<T> type) throws IOException {
    return Files.isRegularFile(file) ? Optional.of(JsonFiles.read(file, type)) : Optional.empty();
  }

  private static <T> Map<String, T> perArch(Path directory, Class<T> type) throws IOException {
    Map<String, T> byArch = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return byArch;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString();
        byArch.put(name.substring(0, name.length() - ".json".length()), JsonFiles.read(file, type));
      }
    }
    return byArch;
  }
}
