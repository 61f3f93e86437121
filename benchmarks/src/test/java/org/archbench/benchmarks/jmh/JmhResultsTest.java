package org.archbench.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.archbench.schema.io.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.jmh.Verdict;

/** Reading JMH's JSON: records from a real smoke run of mlp on two engines, trimmed. */
class JmhResultsTest {

  private static Path fixture() {
    return Path.of(JmhResultsTest.class.getResource("/jmh-results.json").getPath());
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

  /** A throughput record of three forks of two iterations, and a latency record of three forks. */
  private static JmhResults withRawData() throws IOException {
    String throughput = "{\"benchmark\": \"org.archbench.benchmarks.ThroughputBenchmark.batch032\","
        + " \"params\": {\"engine\": \"onnxruntime\", \"arch\": \"mlp\"},"
        + " \"primaryMetric\": {\"score\": 1000,"
        + " \"rawData\": [[990, 1010], [1000, 1000], [995, 1005]]},"
        + " \"secondaryMetrics\": {\"\u00b7native.rssAnon\": {\"score\": 300,"
        + " \"rawData\": [[300], [301], [299]]}}}";
    // Fork 1: 700 samples of 10, 10 of 50; forks 2 and 3 alike but slower.
    String latency = "{\"benchmark\": \"org.archbench.benchmarks.LatencyBenchmark.batch001\","
        + " \"params\": {\"engine\": \"onnxruntime\", \"arch\": \"mlp\"},"
        + " \"primaryMetric\": {\"score\": 10, \"scoreUnit\": \"us/op\", \"rawDataHistogram\": ["
        + "[[[10, 700], [50, 10]]], [[[11, 350]], [[11, 350], [55, 10]]], [[[12, 700], [60, 10]]]]}}";
    return JmhResults.of(JsonFiles.mapper().readTree("[" + throughput + ", " + latency + "]"));
  }

  @Test
  void aThroughputIsTheMeanOfItsForksWithTheirInterval() throws IOException {
    JmhResults.Record record = withRawData().find("ThroughputBenchmark.batch032",
        Map.of("arch", "mlp")).orElseThrow();

    Estimate estimate = record.estimate(0.03);

    // Fork means 1000, 1000, 1000: no spread between forks, however the iterations vary.
    assertEquals(1000, estimate.value(), 1e-9);
    assertEquals(1000, estimate.lower95(), 1e-9);
    assertEquals(3, estimate.forks());
    assertEquals(6, estimate.samples());
    assertEquals(Verdict.OK, estimate.verdict());
    assertEquals(300,
        record.secondaryEstimate("native.rssAnon", 0.03).orElseThrow().value(), 0.01);
  }

  @Test
  void aLatencyPercentileIsEachForksOwnWithTheSamplesBehindIt() throws IOException {
    JmhResults.Record record = withRawData().find("LatencyBenchmark.batch001",
        Map.of("arch", "mlp")).orElseThrow();

    Estimate p50 = record.percentileEstimate(0.5, 0.03).orElseThrow();
    Estimate p99 = record.percentileEstimate(0.99, 0.10).orElseThrow();

    // The forks' p50s are 10, 11 and 12 us: their geometric mean.
    assertEquals(Math.cbrt(10 * 11 * 12), p50.value(), 1e-9);
    assertEquals(3 * 710, p50.samples());
    // Each fork's p99 is its slow tail, rank 703 of 710: 50, 55 and 60 us.
    assertEquals(Math.cbrt(50 * 55 * 60), p99.value(), 1e-9);
    assertEquals(Verdict.NOISY, p99.verdict());
    assertTrue(record.percentileEstimate(0.999, 0.1).orElseThrow().verdict()
        == Verdict.TOO_FEW_SAMPLES);
  }

  @Test
  void aRateIsEachForksReciprocalOfItsMeanTimeWithTheForksInterval() throws IOException {
    JmhResults.Record record = withRawData().find("LatencyBenchmark.batch001",
        Map.of("arch", "mlp")).orElseThrow();

    Estimate rate = record.rateEstimate(0.03);

    // Fork 1's mean is (700 x 10 + 10 x 50) / 710 us: its rate is 710 / 7,500 us.
    assertEquals(710 / 7_500e-6, rate.forkValues().get(0), 1e-6);
    assertEquals(710 / (700 * 11 + 10 * 55e0) * 1e6, rate.forkValues().get(1), 1e-6);
    assertEquals(Math.exp(rate.forkValues().stream().mapToDouble(Math::log).average()
        .orElseThrow()), rate.value(), 1e-6, "the geometric mean of the forks' rates");
    assertTrue(rate.lower95() < rate.value() && rate.value() < rate.upper95());
    assertEquals(3 * 710, rate.samples());
    assertEquals(rate, CostFigures.batchOneThroughput(withRawData(), Map.of("arch", "mlp")));
  }

  @Test
  void aRateOfAScoreThatIsNotATimeSaysWhatItFound() throws IOException {
    JmhResults.Record record = withRawData().find("ThroughputBenchmark.batch032",
        Map.of("arch", "mlp")).orElseThrow();

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> record.rateEstimate(0.03));

    assertEquals("ThroughputBenchmark.batch032: expected a time per operation (s/op, ms/op, us/op"
        + " or ns/op), found no unit", error.getMessage());
  }

  @Test
  void aFigureWithAForkThatNeverGotSteadyReadsNotSteadyWhateverItsInterval() throws IOException {
    String record = "{\"benchmark\": \"a.ThroughputBenchmark.batch032\", \"mode\": \"thrpt\","
        + " \"params\": {\"arch\": \"mlp\"}, \"primaryMetric\": {\"score\": 1000,"
        + " \"rawData\": [[1000], [1001], [999]]}, \"secondaryMetrics\": {\"warmup.steady\":"
        + " {\"score\": 0, \"rawData\": [[1], [%s], [1]]}}}";
    JmhResults.Record settled = JmhResults.of(JsonFiles.mapper().readTree(
        "[" + String.format(record, "1") + "]")).records().get(0);
    JmhResults.Record unsettled = JmhResults.of(JsonFiles.mapper().readTree(
        "[" + String.format(record, "0") + "]")).records().get(0);

    assertEquals(Verdict.OK, settled.estimate(0.03).verdict());
    assertEquals(Verdict.NOT_STEADY, unsettled.estimate(0.03).verdict());
    assertEquals(1000, unsettled.estimate(0.03).value(), 1e-3, "the figure itself stays");
    assertEquals(Verdict.OK, withRawData().records().get(0).estimate(0.03).verdict(),
        "a record without the metric is not flagged");
  }

  @Test
  void aRecordTrimmedOfItsRawDataIsOneForkOfItsScore() throws Exception {
    Estimate estimate = JmhResults.read(fixture()).find("ThroughputBenchmark.batch256",
        Map.of("engine", "onnxruntime", "arch", "mlp")).orElseThrow().estimate(0.03);

    assertEquals(177641.195, estimate.value(), 1e-3);
    assertEquals(1, estimate.forks());
    assertEquals(Verdict.TOO_FEW_SAMPLES, estimate.verdict());
  }
}
