package org.archbench.benchmarks;

import java.util.concurrent.TimeUnit;
import org.archbench.harness.engine.ImageBatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The latency of one request, one image, per engine x architecture: JMH's SampleTime, so the
 * result holds the distribution (p50, p90, p99, p99.9) in microseconds. There is deliberately no
 * {@code @OperationsPerInvocation}: each sample is one request.
 *
 * <p>Alone: {@code java -jar benchmarks/target/benchmarks.jar LatencyBenchmark -p engine=pytorch
 * -p arch=resnet}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.OFFLINE, BenchmarkJvm.ONE_INTEROP_THREAD,
    BenchmarkJvm.HEAP, BenchmarkJvm.MAX_HEAP})
@State(Scope.Benchmark)
public class LatencyBenchmark {

  private ImageBatch image;

  @Setup(Level.Trial)
  public void fill() {
    image = BenchmarkModels.batchOfTestImages(1);
  }

  @Benchmark
  public void batch001(LoadedModel model, Blackhole blackhole) {
    model.run(image, blackhole);
  }
}
