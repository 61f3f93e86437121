package org.archbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The training stages' jobs, taken in turn by the lanes. */
class LaneQueueTest {

  private static final LaneQueue.Events NO_EVENTS = new LaneQueue.Events() {
    @Override
    public void started(LaneQueue.Job job, int lane) {}

    @Override
    public void ended(LaneQueue.Job job, int lane, int code) {}
  };

  private static LaneQueue.Job train(String arch, double seconds) {
    return new LaneQueue.Job("train", arch, seconds, Set.of());
  }

  private static LaneQueue.Job imbalance(String arch, double seconds) {
    return new LaneQueue.Job("imbalance", arch, seconds,
        Set.of(LaneQueue.Job.id("train", arch)));
  }

  /** The standard run's jobs on a 2-core host, in lane-seconds as measured. */
  private static List<LaneQueue.Job> standardRun() {
    return List.of(train("mlp", 49), train("cnn", 623), train("secnn", 706),
        train("resnet", 1734), train("vgg", 1178),
        imbalance("mlp", 20), imbalance("cnn", 357), imbalance("secnn", 317),
        imbalance("resnet", 873), imbalance("vgg", 671),
        new LaneQueue.Job("transfer", "vgg", 1100, Set.of("train/vgg")));
  }

  @Test
  void aFreeLaneTakesTheLongestReadyJobSoTheLanesEndCloseTogether() {
    LaneQueue.Schedule schedule = new LaneQueue(standardRun(), 2).plan();

    double work = standardRun().stream().mapToDouble(LaneQueue.Job::seconds).sum();
    // Within the longest job of a perfect split of the work: nothing idles for long.
    assertTrue(schedule.seconds() < work / 2 + 200, schedule.toString());
    // The stages one after the other, each in lanes dealt in advance, took 2440 + 1130 + 1100.
    assertTrue(schedule.seconds() < 3900, schedule.toString());
  }

  @Test
  void anArchitecturesImbalanceStudyStartsOnlyAfterItsTrainingEnds() {
    LaneQueue.Schedule schedule = new LaneQueue(standardRun(), 2).plan();

    for (String arch : List.of("mlp", "cnn", "secnn", "resnet", "vgg")) {
      assertTrue(schedule.starts().get("imbalance/" + arch)
          >= schedule.ends().get("train/" + arch), arch + ": " + schedule);
    }
    // The longest job starts first, and the train stage spans from then to its last training.
    assertEquals(0, schedule.starts().get("train/resnet"));
    assertEquals(schedule.ends().entrySet().stream().filter(end -> end.getKey().startsWith("train/"))
        .mapToDouble(end -> end.getValue()).max().orElseThrow(),
        schedule.span("train", standardRun()), 1e-9);
  }

  @Test
  void runningFollowsTheDependenciesAndEveryJobRunsOnce() throws InterruptedException {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    LaneQueue queue = new LaneQueue(List.of(train("a", 3), imbalance("a", 2), train("b", 1)), 2);

    int exitCode = queue.run((job, lane) -> {
      log.add("start " + job.id());
      Thread.sleep(20);
      log.add("end " + job.id());
      return 0;
    }, NO_EVENTS);

    assertEquals(0, exitCode);
    assertEquals(6, log.size(), log.toString());
    assertTrue(log.indexOf("start imbalance/a") > log.indexOf("end train/a"), log.toString());
  }

  @Test
  void afterAJobFailsNoFurtherJobStartsAndItsExitCodeIsReturned() throws InterruptedException {
    List<String> started = Collections.synchronizedList(new ArrayList<>());
    LaneQueue queue = new LaneQueue(List.of(train("a", 3), imbalance("a", 2), train("b", 1)), 1);

    int exitCode = queue.run((job, lane) -> {
      started.add(job.id());
      return job.id().equals("train/a") ? 3 : 0;
    }, NO_EVENTS);

    assertEquals(3, exitCode);
    assertEquals(List.of("train/a"), started);
  }
}
