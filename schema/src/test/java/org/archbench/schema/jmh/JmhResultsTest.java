package org.archbench.schema.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading JMH's JSON: records from a real smoke run of mlp on two engines, trimmed. */
class JmhResultsTest {

  private static Path fixture() {
    return Path.of(JmhResultsTest.class.getResource("/jmh/results.json").getPath());
  }

  @Test
  void findsRecordsByBenchmarkAndParams() throws Exception {
    JmhResults summary = JmhResults.read(fixture());

    assertEquals(177641.195, summary.score("ThroughputBenchmark.batch256",
        Map.of("engine", "onnxruntime", "arch", "mlp")).getAsDouble(), 1e-3);
    assertEquals(51.995e9, summary.gemmFlops().getAsDouble(), 1e6);
    // onnxruntime's mlp sustained more than the GEMM: the peak is the best seen, so no share > 100%.
    assertEquals(83.403e9, summary.peakFlops().getAsDouble(), 1e6);
    JmhResults.Record latency =
        summary.find("LatencyBenchmark.batch001", Map.of("engine", "onnxruntime")).orElseThrow();
    assertEquals(16.864, latency.percentile("50.0"), 1e-9);
    assertEquals(122.4576, latency.percentile("99.0"), 1e-4);
    assertTrue(summary.score("ThroughputBenchmark.batch256", Map.of("engine", "tvm")).isEmpty());
  }

  @Test
  void heapPerOperationIsZeroWhereJmhLeftTheKeyOut() throws Exception {
    JmhResults summary = JmhResults.read(fixture());

    JmhResults.Record allocating = summary.find("ThroughputBenchmark.batch256",
        Map.of("engine", "onnxruntime")).orElseThrow();
    JmhResults.Record silent =
        summary.find("ThroughputBenchmark.batch256", Map.of("engine", "pytorch")).orElseThrow();

    assertEquals(46.182, allocating.heapBytesPerOperation().getAsDouble(), 1e-3);
    assertEquals(OptionalDouble.of(0), silent.heapBytesPerOperation());
    assertEquals(575.43, silent.secondary("native.rssAnon").getAsDouble(), 1e-2);
  }

  @Test
  void theOverheadSplitsThePairedMeanByEachPathsTime() throws Exception {
    JmhResults.Overhead overhead = JmhResults.read(fixture()).overhead("mlp").orElseThrow();

    // 2 x 19.3083 us x 2.98625 / (2.98625 + 3.01167) and the same for 3.01167.
    assertEquals(19.2264, overhead.plainMicros(), 1e-4);
    assertEquals(19.3901, overhead.archbenchMicros(), 1e-4);
    assertEquals(3011670065.0 / 2986251373.0 - 1, overhead.share(), 1e-12);
    assertTrue(JmhResults.read(fixture()).overhead("cnn").isEmpty());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[{\"benchmark\": | does not parse",
      "{\"benchmark\": \"x\"} | an array of benchmark results, found a JSON OBJECT",
      "'' | found an empty file"})
  void aFileThatIsNotJmhResultsIsNamed(String content, String found, @TempDir Path dir)
      throws Exception {
    Path file = Files.writeString(dir.resolve("results.json"), content);

    IOException error = assertThrows(IOException.class, () -> JmhResults.read(file));

    assertTrue(error.getMessage().startsWith(file + ": expected JMH's JSON results"),
        error.getMessage());
    assertTrue(error.getMessage().contains(found), error.getMessage());
    assertTrue(error.getMessage().endsWith("Run the benchmarks again."), error.getMessage());
  }
}
