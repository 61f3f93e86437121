package org.archbench.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.archbench.harness.engine.ImageBatch;
import org.archbench.harness.engine.InferenceEngine;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One exported model loaded on one engine with all cores, for the whole trial, with logits room for
 * the largest batch. Every engine x architecture x variant is a separate JMH parameter combination,
 * so each runs in its own fork. The parameters carry no values here: the registries supply them
 * ({@link BenchmarkParameters}), so a new engine, architecture or variant needs no edit here.
 */
@State(Scope.Benchmark)
public class LoadedModel {

  /** The largest batch any benchmark runs. */
  static final int MAX_BATCH = 256;

  /** Every registered engine unless -p engine=... (BenchmarkParameters). */
  @Param(BenchmarkParameters.REGISTERED)
  public String engine;

  /** Every registered architecture unless -p arch=.... */
  @Param(BenchmarkParameters.REGISTERED)
  public String arch;

  /** Every registered model variant unless -p variant=.... */
  @Param(BenchmarkParameters.REGISTERED)
  public String variant;

  private InferenceEngine running;
  private float[] logits;
  private long flopsPerImage;

  /**
   * In a fork that measures in turns ({@link TurnServer}), the model loaded by its first turn and
   * the warm-up of each batch size, kept for the later turns: one load and one warm-up per fork,
   * as in a fork that JMH runs once.
   */
  private static InferenceEngine kept;
  private static final Map<Integer, SteadyWarmup.Outcome> WARMED = new HashMap<>();

  /**
   * Loads the model, then warms it up until steady on the batch the benchmark method runs (its
   * name ends in the batch size, {@code batch032}): the shape matters, PyTorch's first calls on
   * each are slow.
   */
  @Setup(Level.Trial)
  public void load(BenchmarkParams benchmark) {
    logits = new float[MAX_BATCH * BenchmarkModels.classes(arch)];
    flopsPerImage = BenchmarkModels.flopsPerImage(arch);
    int batch = batchOf(benchmark.getBenchmark());
    ImageBatch images = BenchmarkModels.batchOfTestImages(batch);
    if (!TurnServer.serving()) {
      running = BenchmarkModels.open(engine, arch, variant, BenchmarkModels.settings());
      SteadyWarmup.run(() -> running.run(images, logits));
      return;
    }
    synchronized (WARMED) {
      if (kept == null) {
        kept = BenchmarkModels.open(engine, arch, variant, BenchmarkModels.settings());
      }
      running = kept;
      SteadyWarmup.Outcome outcome = WARMED.get(batch);
      if (outcome == null) {
        WARMED.put(batch, SteadyWarmup.run(() -> running.run(images, logits)));
      } else {
        SteadyWarmup.remember(outcome);
      }
    }
  }

  private static final Pattern BATCH_METHOD = Pattern.compile("\\.batch(\\d+)$");

  /** 32 for {@code ...ThroughputBenchmark.batch032}. */
  static int batchOf(String benchmark) {
    Matcher batch = BATCH_METHOD.matcher(benchmark);
    if (!batch.find()) {
      throw new IllegalArgumentException("expected a benchmark method on LoadedModel named for its"
          + " batch size (batch001, batch032), found " + benchmark);
    }
    return Integer.parseInt(batch.group(1));
  }

  @TearDown(Level.Trial)
  public void close() {
    if (!TurnServer.serving()) {
      running.close();
    }
  }

  /** Runs {@code batch}, hands the logits to the Blackhole, and returns the FLOPs it took. */
  long run(ImageBatch batch, Blackhole blackhole) {
    running.run(batch, logits);
    blackhole.consume(logits);
    return flopsPerImage * batch.size();
  }
}
