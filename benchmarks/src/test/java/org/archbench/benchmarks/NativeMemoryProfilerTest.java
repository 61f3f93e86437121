package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.options.TimeValue;
import org.junit.jupiter.api.Test;

class NativeMemoryProfilerTest {

  @Test
  void reportsRssAndPeakAfterMeasurementIterationsOnly() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux only");
    NativeMemoryProfiler profiler = new NativeMemoryProfiler();
    IterationParams warmup = new IterationParams(IterationType.WARMUP, 1, TimeValue.seconds(1), 1);
    IterationParams measurement =
        new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.seconds(1), 1);

    profiler.beforeIteration(null, warmup);
    Collection<? extends Result> afterWarmup = profiler.afterIteration(null, warmup, null);
    profiler.beforeIteration(null, measurement);
    byte[] touched = new byte[64 << 20];
    java.util.Arrays.fill(touched, (byte) 1);
    Collection<? extends Result> afterMeasurement = profiler.afterIteration(null, measurement, null);

    assertEquals(List.of(), List.copyOf(afterWarmup));
    assertEquals(List.of("native.rssAnon", "native.peakRss"),
        afterMeasurement.stream().map(Result::getLabel).toList());
    double rss = afterMeasurement.iterator().next().getScore();
    double peak = afterMeasurement.stream().skip(1).findFirst().orElseThrow().getScore();
    assertTrue(rss > 64 && peak >= rss, "RssAnon " + rss + " MiB, peak " + peak + " MiB");
    assertEquals(1, touched[touched.length - 1]);
  }
}
