package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

class BenchmarkParametersTest {

  @Test
  void theRegistriesFillWhatTheCommandLineLeavesOpen() throws Exception {
    CommandLineOptions given = new CommandLineOptions("-p", "engine=onnxruntime", "LatencyBenchmark");

    Options options =
        BenchmarkParameters.fillIn(new OptionsBuilder().parent(given), given).build();

    assertEquals(List.of("onnxruntime"), List.copyOf(options.getParameter("engine").get()));
    assertEquals(List.of("mlp", "cnn", "secnn", "resnet", "vgg"),
        List.copyOf(options.getParameter("arch").get()));
    assertEquals(List.of("fp32", "int8"), List.copyOf(options.getParameter("variant").get()));
    assertTrue(options.getIncludes().contains("LatencyBenchmark"));
  }

  @Test
  void theCompileTimePlaceholderIsRefusedWithTheWayOut() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> BenchmarkParameters.require("arch", BenchmarkParameters.REGISTERED));

    assertTrue(refused.getMessage().startsWith("-p arch: expected registered ids, found the"
        + " placeholder 'registered'"), refused.getMessage());
    assertEquals("cnn", BenchmarkParameters.require("arch", "cnn"));
  }

  @Test
  void aFailingBenchmarkFailsTheCommandUnlessTheUserSaidOtherwise() throws Exception {
    assertTrue(BenchmarksMain.options(new CommandLineOptions("LatencyBenchmark"))
        .shouldFailOnError().get());
    assertFalse(BenchmarksMain.options(new CommandLineOptions("LatencyBenchmark", "-foe", "false"))
        .shouldFailOnError().get());
  }
}
