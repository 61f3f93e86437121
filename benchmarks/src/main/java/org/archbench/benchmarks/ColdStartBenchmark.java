package org.archbench.benchmarks;

import org.archbench.harness.engine.Engines;
import java.util.concurrent.TimeUnit;
import org.archbench.harness.engine.ImageBatch;
import org.archbench.harness.engine.InferenceEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a cold start costs, in three parts, each JMH SingleShotTime in milliseconds:
 *
 * <ul>
 *   <li>{@link #engineStart}: loading and initialising the engine's native runtime in a fresh JVM.
 *       Only a fork's first call is cold, so it is measured once per fork, over several forks.
 *   <li>{@link #modelLoad}: loading the model into a started engine (session creation, graph
 *       optimisation, weights); a fresh engine each iteration.
 *   <li>{@link #firstInference}: the first batch-1 inference of a freshly loaded model, where
 *       engines allocate and plan lazily.
 * </ul>
 *
 * <p>Alone: {@code java -jar benchmarks/target/benchmarks.jar ColdStartBenchmark -p engine=onnxruntime}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 5)
@Fork(value = 3, jvmArgsAppend = {BenchmarkJvm.OFFLINE, BenchmarkJvm.ONE_INTEROP_THREAD,
    BenchmarkJvm.HEAP, BenchmarkJvm.MAX_HEAP})
public class ColdStartBenchmark {

  /** The engine under test. */
  @State(Scope.Benchmark)
  public static class Engine {
    @Param(BenchmarkParameters.REGISTERED)
    public String engine;
  }

  /** The architecture, for the parts that load a model. */
  @State(Scope.Benchmark)
  public static class Arch {
    @Param(BenchmarkParameters.REGISTERED)
    public String arch;

    @Param(BenchmarkParameters.REGISTERED)
    public String variant;
  }

  /** A started runtime, for measuring model loads alone. */
  @State(Scope.Benchmark)
  public static class StartedRuntime {
    private InferenceEngine loaded;

    @Setup(Level.Trial)
    public void start(Engine engine) {
      Engines.byId(engine.engine).startRuntime();
    }

    @TearDown(Level.Iteration)
    public void closeLoaded() {
      if (loaded != null) {
        loaded.close();
        loaded = null;
      }
    }
  }

  /** A freshly loaded model each iteration, for measuring first inferences alone. */
  @State(Scope.Benchmark)
  public static class FreshModel {
    private InferenceEngine running;
    private ImageBatch image;
    private float[] logits;

    @Setup(Level.Iteration)
    public void load(Engine engine, Arch arch) {
      running = BenchmarkModels.open(engine.engine, arch.arch, arch.variant,
          BenchmarkModels.settings());
      image = BenchmarkModels.batchOfTestImages(1);
      logits = new float[BenchmarkModels.classes(arch.arch)];
    }

    @TearDown(Level.Iteration)
    public void close() {
      running.close();
    }
  }

  @Benchmark
  @Measurement(iterations = 1)
  public String engineStart(Engine engine) {
    return Engines.byId(engine.engine).startRuntime();
  }

  @Benchmark
  public void modelLoad(Engine engine, Arch arch, StartedRuntime runtime) {
    runtime.loaded = BenchmarkModels.open(engine.engine, arch.arch, arch.variant,
        BenchmarkModels.settings());
  }

  @Benchmark
  public void firstInference(FreshModel model, Blackhole blackhole) {
    model.running.run(model.image, model.logits);
    blackhole.consume(model.logits);
  }
}
