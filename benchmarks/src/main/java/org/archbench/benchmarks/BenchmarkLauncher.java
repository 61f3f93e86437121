package org.archbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.Preset;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.ModelFiles;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.harness.provenance.RunManifest;
import org.archbench.harness.training.ComputeDevice;
import org.archbench.models.spec.Architectures;
import org.openjdk.jmh.profile.AsyncProfiler;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The pipeline's benchmark stage ({@link BenchPipeline}): runs the preset's benchmark methods over
 * the exported models with the preset's budget, JMH's gc profiler, {@link NativeMemoryProfiler}
 * and (unless {@code -Dbench.profile=false}) async-profiler flame graphs under profiles/, then
 * prints a summary.
 *
 * <p>It makes three JMH runs (smoke skips the second): the steady-state benchmarks with the
 * preset's forks and iterations, the ONNX Runtime overhead with forks enough to resolve a few
 * percent, and the cold-start benchmarks with the preset's forks but their own iterations (a fork
 * starts an engine cold only once). JMH writes each run's JSON under jmh/; jmh/results.json is
 * their arrays of JMH's own records concatenated, each record as JMH wrote it.
 *
 * <p>Settings are system properties: bench.preset, bench.out, bench.data, bench.archs,
 * bench.engines, bench.device, bench.profile. For ad-hoc runs, {@code java -jar benchmarks.jar} is
 * plain JMH.
 */
public final class BenchmarkLauncher {

  private BenchmarkLauncher() {}

  public static void main(String[] args) throws IOException, RunnerException {
    try {
      run();
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void run() throws IOException, RunnerException {
    Preset preset = Preset.byId(System.getProperty("bench.preset"));
    JmhPreset budget = JmhPreset.of(preset);
    OutputLayout layout = BenchmarkModels.layout();
    Path root = layout.root().toAbsolutePath().normalize();
    List<String> archs = list("bench.archs",
        Architectures.all().stream().map(spec -> spec.id()).toList());
    List<String> engines = list("bench.engines",
        Arrays.stream(EngineKind.values()).map(EngineKind::id).toList());
    requireExported(layout, archs, engines);
    requireDevice();
    Path jmh = root.resolve("jmh");
    Files.createDirectories(jmh);

    ChainedOptionsBuilder steady = include(iterations(common(root, archs, engines), budget),
        budget.steadyState())
        .forks(budget.forks())
        .result(jmh.resolve("steady-state.json").toString());
    if (!"false".equalsIgnoreCase(System.getProperty("bench.profile", "").trim())) {
      Optional<Path> library = AsyncProfilerLibrary.unpack(root.resolve("profiles/.lib"));
      if (library.isPresent()) {
        steady.addProfiler(AsyncProfiler.class, "libPath=" + library.get() + ";output=flamegraph"
            + ";dir=" + root.resolve("profiles"));
      } else {
        System.err.println("async-profiler has no library for this platform; no flame graphs");
      }
    }
    ChainedOptionsBuilder overhead = iterations(common(root, archs, engines), budget)
        .include(JmhPreset.every(OnnxRuntimeOverheadBenchmark.class))
        .forks(budget.overheadForks())
        .result(jmh.resolve("overhead.json").toString());
    ChainedOptionsBuilder coldStart = include(common(root, archs, engines), budget.coldStart())
        .forks(budget.coldStartForks())
        .result(jmh.resolve("cold-start.json").toString());
    List<ChainedOptionsBuilder> runs = budget.overheadForks() > 0
        ? List.of(steady, overhead, coldStart) : List.of(steady, coldStart);

    System.out.printf("JMH, preset %s: %s on %s%n", preset.id(), archs, engines);
    Path results = jmh.resolve("results.json");
    try (RunManifest.Stage stage = RunManifest.start(layout, "benchmarks")) {
      List<Path> parts = new ArrayList<>();
      for (ChainedOptionsBuilder part : runs) {
        Options options = part.build();
        new Runner(options).run();
        parts.add(Path.of(options.getResult().get()));
      }
      concatenate(parts, results);
      stage.complete();
    }
    BenchmarkSummary.print(results, System.out);
    System.out.println("JMH results: " + results);
  }

  private static ChainedOptionsBuilder iterations(ChainedOptionsBuilder options, JmhPreset budget) {
    return options
        .warmupIterations(budget.warmupIterations())
        .warmupTime(budget.warmupTime())
        .measurementIterations(budget.measurementIterations())
        .measurementTime(budget.measurementTime());
  }

  private static ChainedOptionsBuilder common(Path root, List<String> archs, List<String> engines) {
    List<String> jvm = new ArrayList<>(List.of(BenchmarkJvm.OFFLINE,
        BenchmarkJvm.ONE_INTEROP_THREAD, BenchmarkJvm.HEAP, BenchmarkJvm.MAX_HEAP,
        "-D" + BenchmarkModels.OUT_PROPERTY + "=" + root));
    for (String property : List.of(BenchmarkModels.DATA_PROPERTY, BenchmarkModels.DEVICE_PROPERTY)) {
      String value = System.getProperty(property, "");
      if (!value.isBlank()) {
        jvm.add("-D" + property + "=" + value.trim());
      }
    }
    return new OptionsBuilder()
        .jvmArgsAppend(jvm.toArray(String[]::new))
        .param("arch", archs.toArray(String[]::new))
        .param("engine", engines.toArray(String[]::new))
        .addProfiler(GCProfiler.class)
        .addProfiler(NativeMemoryProfiler.class)
        .resultFormat(ResultFormatType.JSON)
        .shouldFailOnError(true);
  }

  private static ChainedOptionsBuilder include(ChainedOptionsBuilder options,
      List<String> patterns) {
    patterns.forEach(options::include);
    return options;
  }

  /** Fails before JMH starts if a model is missing an exported file the engines need. */
  private static void requireExported(OutputLayout layout, List<String> archs, List<String> engines)
      throws IOException {
    engines.forEach(EngineKind::byId);
    for (String arch : archs) {
      ModelFiles files = ModelFiles.in(layout.modelDirectory(Architectures.byId(arch).id()));
      if (!Files.isRegularFile(files.onnx())) {
        throw new IOException(files.onnx() + ": expected the exported ONNX model, found no such"
            + " file. Export first: archbench export --arch " + arch);
      }
    }
  }

  /** With -Dbench.device=gpu, stops at once unless PyTorch sees a CUDA GPU. */
  private static void requireDevice() {
    if (BenchmarkModels.settings().device() == ComputeDevice.GPU) {
      ComputeDevice.requireCuda("-Dbench.device=gpu");
    }
  }

  private static List<String> list(String property, List<String> defaults) {
    String value = System.getProperty(property, "");
    if (value.isBlank()) {
      return defaults;
    }
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
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
