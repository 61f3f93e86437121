package org.archbench.app;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.archbench.harness.Preset;
import org.archbench.harness.provenance.RunStages;
import org.archbench.schema.OutputLayout;

/**
 * The run.json records of stages whose jobs a {@link LaneQueue} runs: a stage's record starts with
 * its first job and is written when its last job ends, complete if every job of it succeeded,
 * with the estimate of its span and the architectures each lane ran. A stage left unfinished by a
 * failure is written as failed when the queue is done.
 */
final class StageRecords implements LaneQueue.Events {

  private final OutputLayout layout;
  private final Preset preset;
  private final LanePlan lanes;
  private final PrintStream console;
  private final Function<String, OptionalDouble> estimate;
  /** Jobs not yet ended, by stage. */
  private final Map<String, Integer> left = new LinkedHashMap<>();
  private final Map<String, RunStages.Stage> open = new HashMap<>();
  /** Stages with a job that failed, or left unfinished. */
  private final Set<String> failed = new HashSet<>();
  /** Per stage, the architectures each lane ran. */
  private final Map<String, List<List<String>>> archsPerLane = new HashMap<>();
  private String firstFailed;

  /**
   * @param jobs every job the queue will run
   * @param estimate a stage's estimated span, if there is one
   * @param console where a record that cannot be written is told of
   */
  StageRecords(OutputLayout layout, Preset preset, LanePlan lanes, List<LaneQueue.Job> jobs,
      Function<String, OptionalDouble> estimate, PrintStream console) {
    this.layout = layout;
    this.preset = preset;
    this.lanes = lanes;
    this.console = console;
    this.estimate = estimate;
    jobs.forEach(job -> left.merge(job.stage(), 1, Integer::sum));
  }

  @Override
  public synchronized void started(LaneQueue.Job job, int lane) {
    open.computeIfAbsent(job.stage(), stage -> {
      RunStages.Stage record = RunStages.start(layout, stage).preset(preset);
      estimate.apply(stage).ifPresent(record::estimate);
      return record;
    });
    List<List<String>> perLane = archsPerLane.computeIfAbsent(job.stage(), stage -> {
      List<List<String>> empty = new ArrayList<>();
      for (int i = 0; i < lanes.count(); i++) {
        empty.add(new ArrayList<>());
      }
      return empty;
    });
    perLane.get(lane).add(job.arch());
  }

  @Override
  public synchronized void ended(LaneQueue.Job job, int lane, int exitCode) {
    if (exitCode != 0) {
      failed.add(job.stage());
      if (firstFailed == null) {
        firstFailed = job.stage();
      }
    }
    if (left.merge(job.stage(), -1, Integer::sum) == 0) {
      write(job.stage());
    }
  }

  /**
   * Writes the records of the stages still open (a failure left them unfinished) as failed;
   * returns the stage of the first job that failed, or null.
   */
  synchronized String close() {
    for (String stage : List.copyOf(open.keySet())) {
      failed.add(stage);
      write(stage);
    }
    return firstFailed;
  }

  /** Written one at a time: run.json's file lock keeps out other processes, not other threads. */
  private void write(String stage) {
    RunStages.Stage record = open.remove(stage);
    if (record == null) {
      return;
    }
    record.lanes(lanes.record(archsPerLane.get(stage)));
    if (!failed.contains(stage)) {
      record.complete();
    }
    try {
      record.close();
    } catch (IOException e) {
      console.println("error: could not record stage " + stage + " in run.json: "
          + e.getMessage());
    }
  }
}
