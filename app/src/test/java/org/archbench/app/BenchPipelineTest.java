package org.archbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's contract when a stage fails, with real stage JVMs. */
class BenchPipelineTest {

  @TempDir Path out;
  @TempDir Path noDataset;

  @Test
  void aFailedStageStopsThePipelineKeepsEarlierResultsAndStillRendersTheReport()
      throws IOException {
    String stats = "{\"engine\": \"onnxruntime\", \"alpha\": 0.05, \"pairs\": [], \"seeds\": [],"
        + " \"createdAt\": \"2026-12-01T10:00:00Z\"}";
    Path earlier = Files.writeString(out.resolve("stats.json"), stats);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    BenchPipeline pipeline = new BenchPipeline(out,
        Map.of("bench.data", noDataset.toString(), "bench.preset", "smoke"),
        new PrintStream(console, true, StandardCharsets.UTF_8));

    int exitCode = pipeline.run(List.of(
        BenchPipeline.Stage.cli("data", "data", "verify", "--no-download"),
        BenchPipeline.Stage.cli("train", "train")));

    String printed = console.toString(StandardCharsets.UTF_8);
    assertTrue(exitCode != 0, printed);
    assertTrue(printed.contains("FAILED: stage 'data'"), printed);
    assertEquals(stats, Files.readString(earlier));
    assertTrue(Files.isRegularFile(out.resolve("report/index.html")), printed);
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertEquals("smoke", manifest.path("preset").asText());
    JsonNode stages = manifest.path("stages");
    assertEquals("failed", stages.path("data").path("status").asText());
    assertEquals("complete", stages.path("report").path("status").asText());
    assertFalse(stages.has("train"), "no stage runs after a failed one");
  }

  @Test
  void withoutAGpuTheGpuDeviceStopsBeforeAnyStage() {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int exitCode = BenchPipeline.launch(Map.of("bench.device", "gpu", "bench.out", out.toString()),
        System.out, new PrintStream(errors, true, StandardCharsets.UTF_8));

    String message = errors.toString(StandardCharsets.UTF_8);
    assertEquals(2, exitCode, message);
    assertTrue(message.contains("-Dbench.device=gpu: expected a CUDA GPU and CUDA natives, found"
        + " none"), message);
    assertFalse(Files.exists(out.resolve("run.json")), "no stage ran");
  }

  @Test
  void everyStageGetsTheBenchSettingsAndEveryArchitectureByDefault() {
    BenchPipeline pipeline = new BenchPipeline(out,
        Map.of("bench.preset", "quick", "bench.engines", " ", "bench.data", "/data"),
        System.out);

    List<String> command = pipeline.command(BenchPipeline.Stage.cli("train", "train"));

    assertTrue(command.contains("-Dbench.preset=quick"), command.toString());
    assertTrue(command.contains("-Dbench.data=/data"), command.toString());
    assertTrue(command.contains("-Dbench.out=" + out.toAbsolutePath().normalize()));
    assertTrue(command.contains("-Dbench.archs=mlp,cnn,secnn,resnet,vgg"), command.toString());
    assertFalse(command.stream().anyMatch(arg -> arg.startsWith("-Dbench.engines")),
        "a blank setting is left to the stage's default");
    assertEquals(List.of("org.archbench.app.cli.Main", "train"),
        command.subList(command.size() - 2, command.size()));
  }

  @Test
  void aLaneTrainsItsOwnArchitecturesOnItsShareOfTheCores() {
    BenchPipeline pipeline = new BenchPipeline(out,
        Map.of("bench.preset", "quick", "bench.archs", "mlp,cnn,vgg"), System.out);

    List<String> command =
        pipeline.command(BenchPipeline.Stage.lanes("train", "train"), List.of("vgg", "mlp"), 1);

    assertTrue(command.contains("-Dbench.archs=vgg,mlp"), command.toString());
    assertTrue(command.contains("-Dbench.threads=1"), command.toString());
    assertTrue(command.contains("-Dbench.preset=quick"), command.toString());
  }

  @Test
  void theStagesRunInTheDesignedOrder() {
    assertEquals(List.of("data", "train", "imbalance", "transfer", "loss", "export", "evaluate",
            "stats", "robustness", "benchmarks"),
        new BenchPipeline(out, Map.of(), System.out).stages().stream()
            .map(BenchPipeline.Stage::name).toList());
    assertEquals(List.of("train", "imbalance", "transfer", "loss"),
        new BenchPipeline(out, Map.of(), System.out).stages().stream()
            .filter(BenchPipeline.Stage::inLanes).map(BenchPipeline.Stage::name).toList(),
        "the stages that train run as one queue of jobs in lanes");
  }

  @Test
  void aFailedTrainingJobStopsTheQueueAndItsStageIsRecordedAsFailed() throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    BenchPipeline pipeline = new BenchPipeline(out, Map.of("bench.data", noDataset.toString(),
        "bench.preset", "smoke", "bench.archs", "mlp"),
        new PrintStream(console, true, StandardCharsets.UTF_8));

    int exitCode = pipeline.run(List.of(BenchPipeline.Stage.lanes("train", "train"),
        BenchPipeline.Stage.lanes("imbalance", "imbalance")));

    String printed = console.toString(StandardCharsets.UTF_8);
    assertTrue(exitCode != 0, printed);
    assertTrue(printed.contains("=== archbench: train + imbalance ==="), printed);
    assertTrue(printed.contains("FAILED: stage 'train'"), printed);
    JsonNode stages = new ObjectMapper().readTree(out.resolve("run.json").toFile()).path("stages");
    assertEquals("failed", stages.path("train").path("status").asText());
    // Either lane may take the one job first: the lanes' threads race for it.
    List<String> trained = new ArrayList<>();
    stages.path("train").path("lanes").path("archs")
        .forEach(lane -> lane.forEach(arch -> trained.add(arch.asText())));
    assertEquals(List.of("mlp"), trained);
    assertFalse(stages.has("imbalance"), "no study starts once its training failed");
  }
}
