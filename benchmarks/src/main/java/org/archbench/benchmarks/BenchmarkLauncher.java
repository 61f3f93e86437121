package org.archbench.benchmarks;

import org.archbench.harness.model.ModelVariants;
import org.archbench.harness.provenance.RunStages;
import org.archbench.harness.engine.Cuda;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.jmh.NotSupportedPairs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.Preset;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.Engines;
import org.archbench.harness.model.ModelFiles;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.benchmarks.jmh.CostFigures;
import org.archbench.schema.jmh.FigureEstimates;
import org.archbench.schema.jmh.BenchmarkedModels;
import org.archbench.schema.provenance.MeasuredModel;
import org.archbench.benchmarks.jmh.JmhResults;
import org.archbench.schema.jmh.Precision;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.models.spec.Architectures;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The benchmark stage ({@code archbench bench}): runs the preset's benchmark methods over the
 * exported models with the preset's budget, JMH's gc profiler, {@link NativeMemoryProfiler} and
 * (unless turned off) async-profiler flame graphs under profiles/, then prints a summary.
 *
 * <p>It measures four parts (smoke only the first and the last): the steady-state benchmarks in
 * blocks ({@link BlockCoordinator}: every configuration a fork of its own, alive for the stage,
 * measured in turns, back to back within a block, so that configurations are compared paired by
 * block; {@link BlockFigures} gives their figures and comparisons), the one-thread benchmarks as
 * forks of their own, the ONNX Runtime overhead with forks enough to resolve a few percent, and the
 * cold-start benchmarks with the preset's forks but their own iterations (a fork starts an engine
 * cold only once). Each part's JSON goes under jmh/; jmh/results.json is their arrays of records
 * concatenated, and jmh/figures.json every figure and comparison.
 *
 * <p>The forks are JVMs started from this JVM's classpath; they find the models and inputs through
 * the bench.out, bench.data and bench.device properties the launcher gives them. For ad-hoc runs,
 * {@code java -jar benchmarks.jar} is JMH's command line ({@link BenchmarksMain}).
 */
public final class BenchmarkLauncher {

  /**
   * One benchmark stage.
   *
   * @param layout the run whose models are measured and where jmh/ and profiles/ go
   * @param preset the budget
   * @param archs the architectures, each exported
   * @param engines the engine ids
   * @param variants the model variant ids
   * @param dataset the registered dataset whose test images are the inputs
   * @param dataDirectory where the dataset is, or null to search the usual places
   * @param device where the engines run
   * @param flameGraphs whether async-profiler draws a flame graph per benchmark
   */
  public record Request(OutputLayout layout, Preset preset, List<String> archs,
      List<String> engines, List<String> variants, String dataset, Path dataDirectory,
      ComputeDevice device,
      boolean flameGraphs) {

    public Request {
      archs = List.copyOf(archs);
      engines = List.copyOf(engines);
      variants = List.copyOf(variants);
      layout = new OutputLayout(layout.root().toAbsolutePath().normalize());
    }
  }

  private BenchmarkLauncher() {}

  /**
   * Runs every benchmark of {@code request} and returns jmh/results.json.
   *
   * @throws IOException if a model is not exported, or JMH's results cannot be read or written
   * @throws IllegalArgumentException for an unknown engine or architecture, or a GPU request on a
   *     machine without one, before any benchmark starts
   */
  public static Path run(Request request, PrintStream console) throws IOException, RunnerException {
    JmhPreset budget = JmhPreset.of(request.preset());
    OutputLayout layout = request.layout();
    requireLoadable(layout, request);
    if (request.device() == ComputeDevice.GPU) {
      Cuda.require("--device gpu");
    }
    AtomicFiles.createDirectories(layout.jmh());
    List<NotSupported> notSupported = notSupported(layout, request);
    notSupported.forEach(pair -> console.println(pair.arch() + " " + pair.variant() + ": "
        + pair.cell() + "; its benchmarks are left out"));

    // Hashed before JMH starts, written only with the figures they belong to.
    BenchmarkedModels models = benchmarkedModels(layout, request, notSupported);
    BenchmarkPlan plan =
        BenchmarkPlan.of(budget.steadyState(), registryValues(request)).without(notSupported);
    // The forks start together and only read the inputs: they are written once, here.
    BenchmarkModels.writeInputs(layout.benchmarkInputs(), request.dataset(),
        request.dataDirectory() == null ? "" : request.dataDirectory().toString());
    Optional<String> flameGraphs = flameGraphProfiler(request, console);
    ChainedOptionsBuilder overhead = allParams(budget.iterations(common(request, budget)),
        request)
        .include(JmhPreset.every(OnnxRuntimeOverheadBenchmark.class))
        // Its two paths alternate without a warm-up until steady of their own.
        .warmupIterations(Math.max(1, budget.warmupIterations()))
        .forks(budget.overheadForks())
        .result(layout.jmhPart("overhead").toString());
    List<BenchmarkPlan.Configuration> coldStarts = BenchmarkPlan.of(budget.coldStart(),
        registryValues(request)).without(notSupported).configurations();

    console.printf("JMH, preset %s: %s (%s) on %s%n", request.preset().id(), request.archs(),
        request.variants(), request.engines());
    Path results = layout.jmhResults();
    try (RunStages.Stage stage = RunStages.start(layout, "benchmarks")
        .preset(request.preset())) {
      List<Path> parts = new ArrayList<>();
      BlockCoordinator.Outcome blocks = new BlockCoordinator(layout, budget,
          forkJvmArgs(request, budget), BlockCoordinator.DEFAULT_SEED,
          (benchmark, series, left) -> new BlockFigures(series).stillOpen(benchmark, left),
          flameGraphs, console).run(plan);
      parts.add(blocks.steadyState());
      if (budget.threadsForks() > 0) {
        parts.add(threads(request, budget, notSupported));
      }
      if (budget.overheadForks() > 0) {
        parts.add(runPart(overhead));
      }
      parts.add(coldStart(request, budget, coldStarts));
      concatenate(parts, results);
      // Written with the results, not before them: a run that fails leaves the last good one's.
      JsonFiles.write(layout.jmhNotSupported(), new NotSupportedPairs(notSupported));
      JsonFiles.write(layout.jmhFigures(), figures(blocks.series(), parts.subList(1,
          parts.size()), JmhResults.read(results)));
      JsonFiles.write(layout.jmhModels(), models);
      stage.complete();
    }
    BenchmarkSummary.print(layout.jmhFigures(), layout.jmhStability(), console);
    if (request.preset() == Preset.SMOKE) {
      console.println("Smoke preset: these figures prove that the stage runs; they are not"
          + " measurements (run the standard preset for those).");
    }
    console.println("JMH results: " + results);
    return results;
  }

  /**
   * jmh/figures.json, every cost figure the report shows: the steady-state figures and comparisons
   * of the blocks, the figures of the parts run as forks ({@code forkParts}: threads, overhead,
   * cold start) over their forks, and the JMH and JVM that measured them, from {@code all}'s first
   * record.
   */
  private static FigureEstimates figures(BlockSeries series, List<Path> forkParts,
      JmhResults all) throws IOException {
    BlockFigures blocks = new BlockFigures(series);
    List<FigureEstimates.Figure> figures = new ArrayList<>(blocks.figures());
    for (Path part : forkParts) {
      figures.addAll(CostFigures.estimates(JmhResults.read(part), "").figures());
    }
    FigureEstimates measuredBy = CostFigures.estimates(all, "");
    return new FigureEstimates(figures, blocks.comparisons(), measuredBy.jmhVersion(),
        measuredBy.benchmarkJvm(), Instant.now().toString());
  }

  /** Runs one JMH part; its results file. */
  private static Path runPart(ChainedOptionsBuilder part) throws RunnerException {
    Options options = part.build();
    new Runner(options).run();
    return Path.of(options.getResult().get());
  }

  /**
   * The cold starts, one JMH run per configuration (each of its forks one cold start), merged into
   * jmh/cold-start.json.
   */
  private static Path coldStart(Request request, JmhPreset budget,
      List<BenchmarkPlan.Configuration> configurations) throws IOException, RunnerException {
    return runEach(request, "cold-start", configurations,
        () -> common(request, budget).forks(budget.coldStartForks()));
  }

  /**
   * One JMH run per configuration, each with {@code options} (new ones each time) and the
   * configuration's method and parameters, merged into jmh/{@code part}.json. One run per
   * configuration rather than JMH's product of every parameter: an engine that lacks an operator
   * of a model leaves only that pair out.
   */
  private static Path runEach(Request request, String part,
      List<BenchmarkPlan.Configuration> configurations,
      java.util.function.Supplier<ChainedOptionsBuilder> options)
      throws IOException, RunnerException {
    OutputLayout layout = request.layout();
    Path directory = layout.jmh().resolve(part);
    AtomicFiles.createDirectories(directory);
    List<Path> parts = new ArrayList<>();
    for (int i = 0; i < configurations.size(); i++) {
      BenchmarkPlan.Configuration configuration = configurations.get(i);
      ChainedOptionsBuilder run = options.get()
          .include(configuration.include())
          .result(directory.resolve(String.format(Locale.ROOT, "%03d.json", i)).toString());
      configuration.params().forEach(run::param);
      parts.add(runPart(run));
    }
    Path merged = layout.jmhPart(part);
    concatenate(parts, merged);
    return merged;
  }

  /**
   * The pairs of {@code request} an engine cannot run, asked of each engine before JMH starts: a
   * variant the engine does not run, or an operator of the model it lacks.
   */
  private static List<NotSupported> notSupported(OutputLayout layout, Request request)
      throws IOException {
    List<NotSupported> pairs = new ArrayList<>();
    for (String arch : request.archs()) {
      ModelFiles model = ModelFiles.in(layout.modelDirectory(Architectures.byId(arch).id()));
      for (String variant : request.variants()) {
        ModelFiles artifact = model.as(ModelVariants.byId(variant));
        for (String engine : request.engines()) {
          Engines.byId(engine).whyNot(artifact).ifPresent(pairs::add);
        }
      }
    }
    return List.copyOf(pairs);
  }

  /** The file each engine of {@code request} loads for each model it runs, with its hash. */
  private static BenchmarkedModels benchmarkedModels(OutputLayout layout, Request request,
      List<NotSupported> notSupported) throws IOException {
    List<BenchmarkedModels.Entry> entries = new ArrayList<>();
    for (String arch : request.archs()) {
      ModelFiles model = ModelFiles.in(layout.modelDirectory(Architectures.byId(arch).id()));
      for (String variant : request.variants()) {
        ModelFiles artifact = model.as(ModelVariants.byId(variant));
        for (String engine : request.engines()) {
          if (NotSupported.find(notSupported, arch, engine, variant).isEmpty()) {
            entries.add(new BenchmarkedModels.Entry(arch, engine, variant,
                MeasuredModel.of(layout, Engines.byId(engine).loads(artifact))));
          }
        }
      }
    }
    return new BenchmarkedModels(entries, Instant.now().toString());
  }

  /** async-profiler's options, if flame graphs are on and it has a library for this platform. */
  private static Optional<String> flameGraphProfiler(Request request, PrintStream console)
      throws IOException {
    if (!request.flameGraphs()) {
      return Optional.empty();
    }
    OutputLayout layout = request.layout();
    Optional<Path> library = AsyncProfilerLibrary.unpack(layout.profiles().resolve(".lib"));
    if (library.isEmpty()) {
      console.println("async-profiler has no library for this platform; no flame graphs");
      return Optional.empty();
    }
    return Optional.of("libPath=" + library.get() + ";output=flamegraph;dir=" + layout.profiles());
  }

  /**
   * The one-thread benchmarks, float32 models only, as JMH forks of their own: each configuration
   * opens its engine with one intra-op thread, which a fork serving turns with all cores cannot.
   */
  private static Path threads(Request request, JmhPreset budget, List<NotSupported> notSupported)
      throws IOException, RunnerException {
    Map<String, List<String>> values = registryValues(request);
    values.put(BenchmarkParameters.VARIANT, request.variants().stream()
        .filter(ModelVariantIds.FLOAT32::equals).toList());
    List<BenchmarkPlan.Configuration> configurations =
        BenchmarkPlan.of(budget.threads(), values).without(notSupported).configurations();
    return runEach(request, "threads", configurations,
        () -> budget.iterations(common(request, budget)).forks(budget.threadsForks()));
  }

  private static ChainedOptionsBuilder common(Request request, JmhPreset budget) {
    return new OptionsBuilder()
        .jvmArgsAppend(forkJvmArgs(request, budget).toArray(String[]::new))
        .addProfiler(GCProfiler.class)
        .addProfiler(NativeMemoryProfiler.class)
        .addProfiler(SteadyStateProfiler.class)
        .resultFormat(ResultFormatType.JSON)
        .shouldFailOnError(true);
  }

  /** Every benchmark JVM's options: offline, threads, heap, where the models and inputs are. */
  private static List<String> forkJvmArgs(Request request, JmhPreset budget) {
    List<String> jvm = new ArrayList<>(List.of(BenchmarkJvm.OFFLINE,
        BenchmarkJvm.ONE_INTEROP_THREAD, BenchmarkJvm.HEAP, BenchmarkJvm.MAX_HEAP,
        "-D" + BenchmarkModels.OUT_PROPERTY + "=" + request.layout().root(),
        "-D" + BenchmarkModels.DEVICE_PROPERTY + "="
            + request.device().name().toLowerCase(Locale.ROOT),
        "-D" + BenchmarkModels.DATASET_PROPERTY + "=" + request.dataset()));
    jvm.addAll(budget.warmupJvmArgs(Precision.DEFAULT.mean()));
    if (request.dataDirectory() != null) {
      jvm.add("-D" + BenchmarkModels.DATA_PROPERTY + "=" + request.dataDirectory());
    }
    return jvm;
  }

  /** The architectures, engines and variants of {@code request}, by JMH parameter name. */
  private static Map<String, List<String>> registryValues(Request request) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    values.put(BenchmarkParameters.ARCH, request.archs());
    values.put(BenchmarkParameters.ENGINE, request.engines());
    values.put(BenchmarkParameters.VARIANT, request.variants());
    return values;
  }

  /** Every value of the registry parameters, for a run that JMH expands over all of them. */
  private static ChainedOptionsBuilder allParams(ChainedOptionsBuilder options, Request request) {
    registryValues(request).forEach((name, ids) -> options.param(name, ids.toArray(String[]::new)));
    return options;
  }

  /**
   * Fails before JMH starts, and before anything is written under jmh/, unless every file each
   * engine will load is there and the model's: the DJL parameters for pytorch, the variant's ONNX
   * file for the others ({@code EngineKind.requireLoadable}). A fork that cannot load its model
   * would otherwise fail the run with a stack trace, after earlier results were overwritten.
   */
  private static void requireLoadable(OutputLayout layout, Request request) throws IOException {
    request.engines().forEach(Engines::byId);
    for (String arch : request.archs()) {
      ModelFiles files = ModelFiles.in(layout.modelDirectory(Architectures.byId(arch).id()));
      for (String variant : request.variants()) {
        ModelFiles artifact = files.as(ModelVariants.byId(variant));
        for (String engine : request.engines()) {
          EngineKind kind = Engines.byId(engine);
          if (kind.runs(artifact.variant())) {
            kind.requireLoadable(artifact);
          }
        }
      }
    }
  }

  /** One JSON array of every record of {@code parts}, written atomically. */
  static void concatenate(List<Path> parts, Path target) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode all = mapper.createArrayNode();
    for (Path part : parts) {
      for (JsonNode record : mapper.readTree(part.toFile())) {
        all.add(record);
      }
    }
    AtomicFiles.write(target, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
  }
}
