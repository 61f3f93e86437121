package org.archbench.harness.provenance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.archbench.harness.BuildInfo;
import org.archbench.harness.Preset;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.io.ResultFormat;
import org.archbench.schema.run.Machine;
import org.archbench.schema.run.RunManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps run.json up to date: every stage updates it when it ends (read, change, write atomically),
 * so a run made of separate commands still has one provenance file, and a failed stage is on record
 * as failed.
 */
public final class RunStages {

  private static final Logger LOG = LoggerFactory.getLogger(RunStages.class);

  private static final DateTimeFormatter DAMAGED_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunStages() {}

  /**
   * Fails if run.json was written by a newer archbench, whose record this one would replace: to be
   * called before a stage starts, so that it is refused rather than run and then unrecorded. A
   * damaged run.json passes: it is kept aside when the stage records itself.
   */
  public static void requireReadable(OutputLayout layout) throws IOException {
    if (!Files.isRegularFile(layout.runManifest())) {
      return;
    }
    try {
      JsonFiles.read(layout.runManifest(), RunManifest.class);
    } catch (JsonFiles.NewerFormatException newer) {
      throw new IOException(layout.runManifest() + ": expected a run.json this archbench reads"
          + " (format " + RunManifest.class.getAnnotation(ResultFormat.class).major()
          + ".x or older), found version " + newer.version() + ", written by a newer archbench,"
          + " whose record this one would replace. Run this stage with that archbench, or name"
          + " another output directory.", newer);
    } catch (IOException damaged) {
      // Kept aside and started afresh when the stage records itself.
    }
  }

  /**
   * Starts timing {@code stage}; closing the returned handle records it, as complete if
   * {@link Stage#complete} was called and as failed otherwise.
   */
  public static Stage start(OutputLayout layout, String stage) {
    return new Stage(layout, stage);
  }

  /** A running stage. */
  public static final class Stage implements AutoCloseable {

    private final OutputLayout layout;
    private final Path file;
    private final String name;
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();
    private String datasetSha256;
    private Preset preset;
    private boolean complete;
    private Double estimatedSeconds;
    private RunManifest.Lanes lanes;

    private Stage(OutputLayout layout, String name) {
      this.layout = layout;
      this.file = layout.runManifest();
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

    /** Notes the pipeline's estimate of the stage's wall time, made when it started. */
    public Stage estimate(double seconds) {
      this.estimatedSeconds = seconds;
      return this;
    }

    /** Notes the lanes the pipeline ran the stage's architectures in. */
    public Stage lanes(RunManifest.Lanes lanes) {
      this.lanes = lanes;
      return this;
    }

    /** Marks the stage as finished successfully. */
    public void complete() {
      complete = true;
    }

    @Override
    @SuppressWarnings("try") // the lock is held, not used
    public void close() throws IOException {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      AtomicFiles.createDirectories(file.getParent());
      // The lanes of one stage are processes of their own that end close together: each reads,
      // changes and writes run.json under this lock, so none loses another's record.
      try (FileChannel channel = FileChannel.open(layout.runManifestLock(),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = channel.lock()) {
        record(seconds);
      }
    }

    private void record(double seconds) throws IOException {
      RunManifest before = Files.isRegularFile(file) ? read(file) : null;
      Map<String, RunManifest.StageRecord> stages =
          new LinkedHashMap<>(before == null ? Map.of() : before.stages());
      stages.put(name, new RunManifest.StageRecord(complete ? "complete" : "failed", seconds,
          started.toString(), Instant.now().toString(), estimatedSeconds, lanes));
      Machine machine = MachineProbe.current();
      JsonFiles.write(file, new RunManifest(machine.label(),
          (preset != null ? preset : Preset.byId(System.getProperty("bench.preset"))).id(), machine,
          BuildInfo.version(),
          BuildInfo.gitCommit(), datasetSha256 != null ? datasetSha256
              : before == null ? null : before.datasetSha256(),
          stages, Instant.now().toString()));
    }

    /**
     * The run.json so far; one that does not read (damaged) is kept beside as
     * run.json.damaged-&lt;time&gt;, saying so, and the record starts afresh. One written by a newer
     * archbench is refused: {@link #start} refused it already, unless it arrived meanwhile.
     */
    private RunManifest read(Path file) throws IOException {
      try {
        return JsonFiles.read(file, RunManifest.class);
      } catch (JsonFiles.NewerFormatException newer) {
        throw newer;
      } catch (IOException unreadable) {
        Path kept = layout.damagedRunManifest(DAMAGED_STAMP.format(Instant.now()));
        AtomicFiles.move(file, kept);
        LOG.warn("{} could not be read ({}); it is kept as {} and a new {} records this stage on",
            file, unreadable.getMessage(), kept.getFileName(), file.getFileName());
        return null;
      }
    }
  }
}
