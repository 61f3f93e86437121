package org.archbench.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.harness.data.IdxDatasets;
import org.archbench.schema.io.OutputDirectory;
import org.archbench.schema.io.OutputLock;
import java.util.List;
import java.util.concurrent.Callable;
import org.archbench.benchmarks.BenchmarkLauncher;
import org.archbench.harness.Defaults;
import org.archbench.harness.engine.EngineKind;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.harness.model.ModelVariant;
import org.archbench.schema.OutputLayout;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code archbench bench}: the JMH benchmarks of a run's exported models, from the jar alone, so
 * that a run copied to another machine is measured there without a source tree or Maven.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Benchmark the exported models of a run with JMH on every engine: throughput, latency,"
          + " cold start, threads, heap and native memory, and the machine's peak GEMM. Each"
          + " steady-state configuration is one fork, kept alive for the stage and warmed up until"
          + " steady, that measures in turns: a block gives every configuration of one benchmark"
          + " one turn, back to back in a shuffled order, with an anchor GEMM among them. After"
          + " the settling and pilot blocks, further blocks go only to configurations with a"
          + " comparison the report asks for (each engine against ONNX Runtime, and which is"
          + " cheapest) not yet decided, while the preset's budget lasts; a block in which the"
          + " hypervisor took over 10%% of the machine runs again. Each figure comes with its 95%%"
          + " interval over blocks and a verdict; every two configurations of a benchmark are"
          + " compared paired by block: a cheaper, b cheaper, equivalent within 5%%, or"
          + " undecided. The one-thread, cold-start and ONNX Runtime overhead questions run as"
          + " JMH forks of their own.",
      "Writes DIR/jmh/results.json (JMH's JSON), DIR/jmh/figures.json (every cost figure the"
          + " report shows, and the comparisons), DIR/jmh/blocks.json (every block's order, time and load),"
          + " DIR/jmh/forks/ (each fork's log), DIR/jmh/stability.json (the anchor's drift and"
          + " the machine's load) and, unless --no-profile, flame graphs under DIR/profiles/."
    })
final class BenchCommand implements Callable<Integer> {

  @Option(names = "--in", paramLabel = "DIR", defaultValue = Defaults.OUTPUT_DIRECTORY,
      description = "The output directory whose models/ are measured; jmh/ and profiles/ are"
          + " written there (datasets/<id>/ in it for another dataset than the default;"
          + " default: ${DEFAULT-VALUE}).")
  private Path in;

  @Mixin private ArchOptions archOptions;

  @Mixin private EngineOptions engineOptions;

  @Mixin private VariantOptions variantOptions;

  @Mixin private PresetOptions preset;

  @Option(names = "--dataset", paramLabel = "ID", defaultValue = Defaults.DATASET,
      completionCandidates = RegisteredIds.DatasetIds.class,
      description = "The registered dataset whose test images are the inputs:"
          + " ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private String dataset;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Directory holding the dataset, for the benchmark inputs (default: searched as"
          + " by the other commands).")
  private Path data;

  @Option(names = "--device", defaultValue = "cpu",
      description = "cpu or gpu; gpu fails at once without a CUDA GPU (default: ${DEFAULT-VALUE}).")
  private String device;

  @Option(names = "--force-out",
      description = "Write into DIR even if it is not an archbench run (it has no run.json and"
          + " holds other files). archbench only ever removes files it wrote.")
  private boolean forceOut;

  @Option(names = "--profile", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "async-profiler flame graphs per benchmark (default: ${DEFAULT-VALUE}).")
  private boolean profile;

  @Override
  @SuppressWarnings("try") // the lock is held, not used
  public Integer call() throws IOException, RunnerException {
    List<String> engines = engineOptions.kinds().stream().map(EngineKind::id).toList();
    List<String> variants = variantOptions.chosen().stream().map(ModelVariant::id).toList();
    // JMH prints to the console itself; the summary follows on the same stream.
    PrintStream console = System.out;
    String datasetId = IdxDatasets.byId(dataset).id();
    // --in is the output directory; another dataset than the default has its run inside it.
    OutputLayout layout = IdxDatasets.runOf(new OutputLayout(in), datasetId);
    if (!Files.isDirectory(in)) {
      throw new IOException(in + ": expected the output"
          + " directory of a run whose models are to be measured, found "
          + (Files.exists(in) ? "a file" : "no such directory")
          + ". Name the directory train and export wrote (--in), e.g. " + Defaults.OUTPUT_DIRECTORY);
    }
    OutputDirectory.requireRunOrEmpty(in, forceOut);
    try (OutputLock lock = OutputLock.acquire(layout, "archbench bench", forceOut,
        notice -> console.println("note: " + notice))) {
      BenchmarkLauncher.run(new BenchmarkLauncher.Request(layout, preset.preset(),
          archOptions.ids(), engines, variants, datasetId, data,
          ComputeDevice.byId(device), profile), console);
    }
    return 0;
  }
}
