package org.archbench.harness.provenance;

import org.archbench.schema.run.Machine;
import org.archbench.schema.run.RunManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {

  @TempDir Path out;

  @Test
  void everyStageAddsItsTimeAndOutcomeToOneRunJson() throws IOException {
    OutputLayout layout = new OutputLayout(out);
    try (RunStages.Stage train = RunStages.start(layout, "train")) {
      train.dataset("ab".repeat(32));
      train.complete();
    }
    try (RunStages.Stage ignored = RunStages.start(layout, "evaluate")) {
      // ends without complete(): the stage failed
    }

    RunManifest manifest = JsonFiles.read(out.resolve("run.json"), RunManifest.class);

    assertEquals(List.of("train", "evaluate"), List.copyOf(manifest.stages().keySet()));
    assertEquals("complete", manifest.stages().get("train").status());
    assertEquals("failed", manifest.stages().get("evaluate").status());
    assertTrue(manifest.stages().get("train").seconds() >= 0);
    assertEquals("ab".repeat(32), manifest.datasetSha256(), "kept from the stage that loaded it");
    assertEquals("standard", manifest.preset());
    Machine machine = manifest.machine();
    assertEquals(Runtime.getRuntime().availableProcessors(), machine.cores());
    assertTrue(machine.memoryBytes() > 0);
    assertEquals(machine.label(), manifest.label());
  }

  @Test
  void aDamagedRunJsonIsKeptBesideNotLost() throws IOException {
    Path damaged = Files.writeString(out.resolve("run.json"), "{\"stages\": {\"train\": ");

    try (RunStages.Stage export = RunStages.start(new OutputLayout(out), "export")) {
      export.complete();
    }

    List<Path> kept;
    try (Stream<Path> files = Files.list(out)) {
      kept = files.filter(file -> file.getFileName().toString().startsWith("run.json.damaged-"))
          .toList();
    }
    assertEquals(1, kept.size(), kept.toString());
    assertEquals("{\"stages\": {\"train\": ", Files.readString(kept.get(0)));
    RunManifest manifest = JsonFiles.read(damaged, RunManifest.class);
    assertEquals(List.of("export"), List.copyOf(manifest.stages().keySet()));
  }
}
