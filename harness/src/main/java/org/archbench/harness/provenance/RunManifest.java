package org.archbench.harness.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.archbench.harness.BuildInfo;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.Preset;
import org.archbench.schema.io.JsonFiles;

/**
 * run.json: what ran, where, and how long each stage took. Every stage updates it when it ends
 * (read, change, write atomically), so a run made of separate commands still has one provenance
 * file, and a failed stage is on record as failed.
 *
 * @param label names the run in the report: the machine
 * @param preset the -Dbench.preset in force
 * @param machine CPU, cores, memory, OS, JVM, GPU
 * @param archbenchVersion the archbench that ran
 * @param gitCommit the commit it was built from
 * @param datasetSha256 the dataset's fingerprint, once a stage has loaded it
 * @param stages per stage, in the order they first ran: seconds, status, when
 * @param updatedAt ISO-8601 instant of the last change
 */
public record RunManifest(
    String label,
    String preset,
    Machine machine,
    String archbenchVersion,
    String gitCommit,
    String datasetSha256,
    Map<String, StageRecord> stages,
    String updatedAt) {

  /** The file name under the output directory. */
  public static final String FILE = "run.json";

  /**
   * One stage's last run.
   *
   * @param status {@code complete} or {@code failed}
   * @param seconds wall time
   * @param startedAt ISO-8601 instant
   * @param finishedAt ISO-8601 instant
   */
  public record StageRecord(String status, double seconds, String startedAt, String finishedAt) {}

  /**
   * Starts timing {@code stage}; closing the returned handle records it, as complete if
   * {@link Stage#complete} was called and as failed otherwise.
   */
  public static Stage start(OutputLayout layout, String stage) {
    return new Stage(layout.root().resolve(FILE), stage);
  }

  /** A running stage. */
  public static final class Stage implements AutoCloseable {

    private final Path file;
    private final String name;
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();
    private String datasetSha256;
    private Preset preset;
    private boolean complete;

    private Stage(Path file, String name) {
      this.file = file;
      this.name = name;
    }

    /** Notes the dataset the stage worked on. */
    public Stage dataset(String sha256) {
      this.datasetSha256 = sha256;
      return this;
    }

    /** Notes the preset the stage ran with; without it, -Dbench.preset's. */
    public Stage preset(Preset preset) {
      this.preset = preset;
      return this;
    }

    /** Marks the stage as finished successfully. */
    public void complete() {
      complete = true;
    }

    @Override
    public void close() throws IOException {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      RunManifest before = Files.isRegularFile(file) ? read(file) : null;
      Map<String, StageRecord> stages =
          new LinkedHashMap<>(before == null ? Map.of() : before.stages());
      stages.put(name, new StageRecord(complete ? "complete" : "failed", seconds,
          started.toString(), Instant.now().toString()));
      Machine machine = Machine.current();
      Files.createDirectories(file.getParent());
      JsonFiles.write(file, new RunManifest(machine.label(),
          (preset != null ? preset : Preset.byId(System.getProperty("bench.preset"))).id(), machine,
          BuildInfo.version(),
          BuildInfo.gitCommit(), datasetSha256 != null ? datasetSha256
              : before == null ? null : before.datasetSha256(),
          stages, Instant.now().toString()));
    }

    private static RunManifest read(Path file) {
      try {
        return JsonFiles.read(file, RunManifest.class);
      } catch (IOException unreadable) {
        // An older or damaged run.json: start a fresh record rather than fail the stage.
        return null;
      }
    }
  }
}
