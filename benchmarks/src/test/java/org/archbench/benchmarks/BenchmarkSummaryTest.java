package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.archbench.benchmarks.jmh.CostFigures;
import org.archbench.benchmarks.jmh.JmhResults;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.jmh.MachineStability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console summary, from a real smoke run of mlp on two engines, trimmed. */
class BenchmarkSummaryTest {

  @TempDir Path directory;

  private static Path fixture() throws URISyntaxException {
    return Path.of(BenchmarkSummaryTest.class.getResource("/jmh-results.json").toURI());
  }

  @Test
  void printsThroughputAgainstPeakAndTheOverheadAgainstTheBaseline() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchmarkSummary.print(figuresOf(fixture()), directory.resolve("none.json"),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(printed.contains(
        "GEMM: 52.0 GFLOP/s; peak (best sustained in this run): 83.4 GFLOP/s"), printed);
    // onnxruntime mlp at batch 256 sustained 83.40 GFLOP/s, more than the GEMM: it is the peak.
    // The fixture's records are one fork each: every measured figure reads "too few samples" (!).
    // Batch 1's rate is the reciprocal of the mean latency, which the slow tail lifts above p50.
    assertTrue(printed.matches("(?s).*onnxruntime +mlp +16169! +- +177641! +83\\.40 +100\\.0 +16\\.9!"
        + " +122\\.5! +46 +376! +417!.*"), printed);
    // Paired calls: 3.0117 s in archbench's engine against 2.9863 s in the plain loop, splitting a
    // mean of 19.308 us per call.
    assertTrue(printed.matches("(?s).*mlp +19\\.23 +19\\.39 +0\\.9%.*"), printed);
    assertTrue(printed.matches("(?s).*pytorch +mlp +548\\.3! .*"), printed);
  }

  @Test
  void aFigureOfSeveralForksCarriesItsIntervalAndVerdict() throws Exception {
    Path results = Files.writeString(directory.resolve("results.json"), "["
        + record("batch032", "[[990], [1000], [1010]]") + ", " + record("batch256", "[[500], [1500],"
        + " [1000]]") + "]");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    BenchmarkSummary.print(figuresOf(results), directory.resolve("none.json"),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    // Fork means 990, 1000, 1010: geometric mean 1000, t(0.975, 2) = 4.303 x 0.01 / sqrt(3) on the
    // logs = ±2.5%, within ±3%. The second: 500, 1500, 1000 have a geometric mean of 909, and an
    // interval on the logs of [229, 3611]: half its width is 186% of the value, noisy.
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.matches("(?s).*onnxruntime +mlp +- +1000±2\\.5% +909±186%\\* .*"), printed);
    assertTrue(printed.contains(BenchmarkSummary.LEGEND), printed);
    assertTrue(printed.contains("Blocks (or forks) per figure: 3; each figure's blocks, samples"
        + " and interval, and every paired comparison, are in jmh/figures.json."), printed);
  }

  @Test
  void aDriftedMachineIsNamedUnderTheSummaryWithItsWarning() throws Exception {
    Path results = Files.writeString(directory.resolve("results.json"),
        "[" + record("batch032", "[[990], [1000], [1010]]") + "]");
    Path stability = directory.resolve("stability.json");
    List<MachineStability.Calibration> calibrations = List.of(
        new MachineStability.Calibration("before", 100), new MachineStability.Calibration(
            "after round 1", 120), new MachineStability.Calibration("after round 2", 104));
    JsonFiles.write(stability, new MachineStability(calibrations,
        MachineStability.driftOf(calibrations),
        List.of(new MachineStability.RoundLoad(1, 60, 0.25, 0.02),
            new MachineStability.RoundLoad(2, 61, null, null)), "2026-12-02T10:00:00Z"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    BenchmarkSummary.print(figuresOf(results), stability,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));

    // Range 20 over median 104: 19.2%.
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("Machine: GEMM calibration 3 times, 100.0 to 120.0 GFLOP/s: drift"
        + " 19.2% (limit 10%); other processes took at most 25% of the CPU in a block, the"
        + " hypervisor (steal) at most 2%"), printed);
    assertTrue(printed.contains("WARNING: The machine's speed drifted: the anchor GEMM moved 19%"),
        printed);
  }

  /** The figures.json the stage writes of {@code results}: what the summary reads, as the report. */
  private Path figuresOf(Path results) throws Exception {
    Path figures = directory.resolve("figures.json");
    JsonFiles.write(figures, CostFigures.estimates(JmhResults.read(results),
        "2026-12-08T00:00:00Z"));
    return figures;
  }

  private static String record(String method, String rawData) {
    return "{\"benchmark\": \"org.archbench.benchmarks.ThroughputBenchmark." + method + "\","
        + " \"params\": {\"engine\": \"onnxruntime\", \"arch\": \"mlp\"},"
        + " \"primaryMetric\": {\"score\": 1000, \"rawData\": " + rawData + "}}";
  }

  @Test
  void concatenatesTheRunsRecordsUnchanged() throws Exception {
    Path first = directory.resolve("a.json");
    Path second = directory.resolve("b.json");
    Files.writeString(first, "[{\"benchmark\": \"a\", \"score\": 1.5}]");
    Files.writeString(second, "[{\"benchmark\": \"b\"}, {\"benchmark\": \"c\"}]");
    Path target = directory.resolve("results.json");

    BenchmarkLauncher.concatenate(List.of(first, second), target);

    assertEquals(List.of("a", "b", "c"),
        JmhResults.read(target).records().stream().map(JmhResults.Record::benchmark).toList());
    assertTrue(Files.readString(target).contains("\"score\" : 1.5"));
  }
}
