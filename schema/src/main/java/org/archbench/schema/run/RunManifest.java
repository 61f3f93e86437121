package org.archbench.schema.run;

import org.archbench.schema.io.MayBeAbsent;
import org.archbench.schema.io.ResultFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
@ResultFormat(file = "run.json", minor = 1)
public record RunManifest(
    String label,
    String preset,
    Machine machine,
    String archbenchVersion,
    String gitCommit,
    @MayBeAbsent String datasetSha256,
    Map<String, StageRecord> stages,
    String updatedAt) {

  /** An absent list or map reads as empty: a reader shows it as missing, never fails on it. */
  public RunManifest {
    stages = stages == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(stages));
  }


  /**
   * One stage's last run.
   *
   * @param status {@code complete} or {@code failed}
   * @param seconds wall time
   * @param startedAt ISO-8601 instant
   * @param finishedAt ISO-8601 instant
   * @param estimatedSeconds the pipeline's estimate of the stage's wall time when it started; absent
   *     for a stage run on its own, and in files of format 1.0
   * @param lanes how the pipeline ran the stage's architectures side by side; absent when it ran
   *     them one after the other in one JVM
   */
  public record StageRecord(String status, double seconds, String startedAt, String finishedAt,
      @MayBeAbsent Double estimatedSeconds, @MayBeAbsent Lanes lanes) {

    /** A stage's record without the pipeline's plan. */
    public StageRecord(String status, double seconds, String startedAt, String finishedAt) {
      this(status, seconds, startedAt, finishedAt, null, null);
    }
  }

  /**
   * Architectures trained side by side, each lane a JVM of its own with a share of the cores.
   *
   * @param threadsPerLane PyTorch's intra-op threads in each lane
   * @param decidedBy why this many lanes: what was counted or measured
   * @param archs the architectures of each lane, in the order it ran them
   */
  public record Lanes(int threadsPerLane, String decidedBy, List<List<String>> archs) {

    public Lanes {
      archs = archs == null ? List.of() : archs.stream().map(List::copyOf).toList();
    }
  }
}
