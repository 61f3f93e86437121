package org.archbench.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The training stages' work as one queue of jobs, each one architecture of one stage, that the
 * lanes take in turn: a lane that comes free starts, of the jobs whose dependencies have finished
 * (an architecture's imbalance study needs its trained model), the one that heads the longest
 * chain of work. No lane idles while another still has a list of its own to work through, as lanes
 * dealt their work in advance did:
 * on a 2-core host the lane without resnet finished its share of the train stage ten minutes
 * early, and then waited for the imbalance stage to start.
 */
final class LaneQueue {

  /**
   * One job: {@code stage} for {@code arch}.
   *
   * @param seconds the estimated wall time in a lane, which orders the jobs: longest first
   * @param after the ids of the jobs it needs finished first
   */
  record Job(String stage, String arch, double seconds, Set<String> after) {

    Job {
      after = Set.copyOf(after);
    }

    String id() {
      return id(stage, arch);
    }

    static String id(String stage, String arch) {
      return stage + "/" + arch;
    }
  }

  /** Runs one job in a lane; returns its exit code, non-zero if it could not even start. */
  @FunctionalInterface
  interface JobRunner {
    int run(Job job, int lane) throws InterruptedException;
  }

  /** Told of each job as it starts and ends, from the lane's thread. */
  interface Events {
    void started(Job job, int lane);

    void ended(Job job, int lane, int exitCode);
  }

  /**
   * The queue as it would run at the estimated seconds.
   *
   * @param seconds when the last job would end
   * @param starts each job's start, by id
   * @param ends each job's end, by id
   */
  record Schedule(double seconds, Map<String, Double> starts, Map<String, Double> ends) {

    /** When the first job of {@code stage} would start and the last end, or 0 if it has none. */
    double span(String stage, List<Job> jobs) {
      double first = Double.POSITIVE_INFINITY;
      double last = 0;
      for (Job job : jobs) {
        if (job.stage().equals(stage)) {
          first = Math.min(first, starts.get(job.id()));
          last = Math.max(last, ends.get(job.id()));
        }
      }
      return last == 0 ? 0 : last - first;
    }
  }

  private final List<Job> order;
  private final int lanes;

  /** {@code jobs} for {@code lanes} lanes; a dependency on a job not among them counts as met. */
  LaneQueue(List<Job> jobs, int lanes) {
    Set<String> ids = new HashSet<>();
    jobs.forEach(job -> ids.add(job.id()));
    List<Job> known = new ArrayList<>();
    for (Job job : jobs) {
      Set<String> after = new HashSet<>(job.after());
      after.retainAll(ids);
      known.add(new Job(job.stage(), job.arch(), job.seconds(), after));
    }
    // Longest chain first (a job and the longest chain of jobs waiting on it), ties in the order
    // given: a training whose study must follow it starts before an equally long job without one.
    Map<String, Double> chain = new HashMap<>();
    known.forEach(job -> chain(job, known, chain));
    known.sort(Comparator.comparingDouble((Job job) -> chain.get(job.id())).reversed());
    this.order = List.copyOf(known);
    this.lanes = Math.max(1, lanes);
  }

  /** {@code job}'s seconds and those of the longest chain of jobs after it. */
  private static double chain(Job job, List<Job> jobs, Map<String, Double> chain) {
    Double known = chain.get(job.id());
    if (known != null) {
      return known;
    }
    double longestAfter = 0;
    for (Job other : jobs) {
      if (other.after().contains(job.id())) {
        longestAfter = Math.max(longestAfter, chain(other, jobs, chain));
      }
    }
    chain.put(job.id(), job.seconds() + longestAfter);
    return job.seconds() + longestAfter;
  }

  /** The jobs in the order a free lane considers them. */
  List<Job> jobs() {
    return order;
  }

  /** The schedule the lanes would follow if every job took its estimate. */
  Schedule plan() {
    double[] free = new double[lanes];
    Map<String, Double> starts = new HashMap<>();
    Map<String, Double> ends = new HashMap<>();
    List<Job> pending = new ArrayList<>(order);
    while (!pending.isEmpty()) {
      int lane = 0;
      for (int other = 1; other < lanes; other++) {
        if (free[other] < free[lane]) {
          lane = other;
        }
      }
      double now = free[lane];
      Job next = null;
      for (Job job : pending) {
        if (job.after().stream().allMatch(id -> ends.containsKey(id) && ends.get(id) <= now)) {
          next = job;
          break;
        }
      }
      if (next == null) {
        // Nothing ready yet: this lane waits for the next job to end.
        free[lane] = ends.values().stream().filter(end -> end > now).min(Double::compare)
            .orElseThrow();
        continue;
      }
      pending.remove(next);
      starts.put(next.id(), now);
      ends.put(next.id(), now + next.seconds());
      free[lane] = now + next.seconds();
    }
    double seconds = ends.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return new Schedule(seconds, Map.copyOf(starts), Map.copyOf(ends));
  }

  /**
   * Runs every job, each lane on a thread of its own; after a job fails no further job starts,
   * and those running finish. Returns the first failed job's exit code, or 0.
   */
  int run(JobRunner runner, Events events) throws InterruptedException {
    State state = new State(order);
    List<Thread> threads = new ArrayList<>();
    for (int lane = 0; lane < lanes; lane++) {
      int laneIndex = lane;
      Thread thread = new Thread(() -> work(laneIndex, state, runner, events),
          "archbench-lane-" + (lane + 1));
      threads.add(thread);
      thread.start();
    }
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      throw e;
    }
    return state.exitCode;
  }

  private static void work(int lane, State state, JobRunner runner, Events events) {
    for (Job job = state.next(); job != null; job = state.next()) {
      events.started(job, lane);
      int exitCode;
      try {
        exitCode = runner.run(job, lane);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exitCode = 130;
      }
      events.ended(job, lane, exitCode);
      state.ended(job, exitCode);
    }
  }

  /** What the lanes share: the jobs not started, those finished, and the first failure. */
  private static final class State {
    private final List<Job> pending;
    private final Set<String> finished = new HashSet<>();
    private int running;
    private int exitCode;

    State(List<Job> order) {
      this.pending = new ArrayList<>(order);
    }

    /** The next job ready for a free lane, waiting for one if need be; null when there is none. */
    synchronized Job next() {
      while (exitCode == 0 && !pending.isEmpty()) {
        for (Job job : pending) {
          if (finished.containsAll(job.after())) {
            pending.remove(job);
            running++;
            return job;
          }
        }
        if (running == 0) {
          // Only a cycle of dependencies gets here, and the pipeline builds none: fail, never hang.
          exitCode = 1;
          notifyAll();
          return null;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
      return null;
    }

    synchronized void ended(Job job, int code) {
      running--;
      if (code == 0) {
        finished.add(job.id());
      } else if (exitCode == 0) {
        exitCode = code;
      }
      notifyAll();
    }
  }
}
