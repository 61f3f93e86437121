package org.archbench.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The pipeline's one progress line, printed every {@link #INTERVAL} while a stage runs (the stages'
 * own bars and log lines go on beside it): stage k of n, what it is doing, the time elapsed, and
 * the ETA of the whole run.
 *
 * <p>The ETA is the current stage's remaining time plus the estimates of the stages after it. The
 * remaining time of a stage is its estimate less the time spent, the estimate of a training stage
 * scaled by how long its finished epochs took against theirs. The stages after it are scaled by how
 * the finished stages' times compared with their estimates: the speed measured so far.
 */
final class PipelineProgress implements AutoCloseable {

  /** Often enough to watch, rarely enough that a CI log stays readable. */
  static final Duration INTERVAL = Duration.ofSeconds(20);
  /** The share of a stage done before its pace is read as the pace of the rest. */
  static final double MEASURED_SHARE = 0.05;

  /**
   * The current stage's progress: the share of its work done, how much longer the work done took
   * than estimated (NaN before any is done), and what it is doing now.
   */
  record Progress(double fractionDone, double speedRatio, String doing) {
    static final Progress UNKNOWN = new Progress(Double.NaN, Double.NaN, "");
  }

  /** One stage as the summary shows it. */
  record StageTime(String stage, boolean ok, OptionalDouble estimatedSeconds, double seconds) {}

  private final PrintStream console;
  private final List<String> stages;
  private final Map<String, Double> estimates = new LinkedHashMap<>();
  private final List<StageTime> finished = new ArrayList<>();
  private final long startNanos = System.nanoTime();
  private ScheduledExecutorService timer;
  private String current;
  private long currentStartNanos;
  private Double currentEstimate;
  private Supplier<Progress> currentProgress = () -> Progress.UNKNOWN;

  /** @param stages every stage of the run, in order, the report last */
  PipelineProgress(PrintStream console, List<String> stages) {
    this.console = console;
    this.stages = List.copyOf(stages);
  }

  /** Prints the line every {@link #INTERVAL} from now until closed. */
  PipelineProgress start() {
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "archbench-progress");
      thread.setDaemon(true);
      return thread;
    });
    long millis = INTERVAL.toMillis();
    timer.scheduleAtFixedRate(this::print, millis, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** The estimates of the stages not yet run, in seconds, as the plan gives them now. */
  synchronized void estimate(Map<String, Double> stageSeconds) {
    estimates.putAll(stageSeconds);
  }

  /**
   * {@code stage} starts; its estimate is the plan's, scaled by the speed measured so far.
   *
   * @param spentSeconds the stage's time before its estimate was made (measuring the speed)
   * @return that estimate, the time spent included, if there is one
   */
  synchronized OptionalDouble stageStarted(
      String stage, Supplier<Progress> progress, double spentSeconds) {
    current = stage;
    currentStartNanos = System.nanoTime() - (long) (spentSeconds * 1e9);
    currentProgress = progress;
    Double planned = estimates.get(stage);
    currentEstimate = planned == null ? null : spentSeconds + planned * speedFactor();
    return currentEstimate == null ? OptionalDouble.empty() : OptionalDouble.of(currentEstimate);
  }

  /** {@code stage} ended after {@code seconds}. */
  synchronized void stageEnded(String stage, boolean ok, double seconds) {
    finished.add(new StageTime(stage, ok, currentEstimate == null
        ? OptionalDouble.empty() : OptionalDouble.of(currentEstimate), seconds));
    current = null;
    currentEstimate = null;
    currentProgress = () -> Progress.UNKNOWN;
  }

  /** Every finished stage, in order. */
  synchronized List<StageTime> finished() {
    return List.copyOf(finished);
  }

  /** The line as it reads now. */
  synchronized String line() {
    if (current == null) {
      return "";
    }
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    double inStage = (System.nanoTime() - currentStartNanos) / 1e9;
    Progress progress = currentProgress.get();
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[archbench] stage %d of %d,"
        + " %s", stages.indexOf(current) + 1, stages.size(), current));
    if (!progress.doing().isEmpty()) {
      line.append(": ").append(progress.doing());
    }
    if (!Double.isNaN(progress.fractionDone())) {
      line.append(String.format(Locale.ROOT, " (%.0f%% of the stage)",
          100 * progress.fractionDone()));
    }
    line.append(" | elapsed ").append(clock(elapsed));
    OptionalDouble later = laterStages();
    if (currentEstimate == null || later.isEmpty()) {
      line.append(" | ETA after the training speed is measured");
      return line.toString();
    }
    OptionalDouble thisStage = thisStageLeft(inStage, progress);
    if (thisStage.isPresent()) {
      line.append(" | ETA ").append(clock(thisStage.getAsDouble() + later.getAsDouble()))
          .append(" more");
    } else {
      line.append(" | ETA ").append(clock(later.getAsDouble()))
          .append(" more after this stage, which is past its estimate of ")
          .append(clock(currentEstimate));
    }
    return line.toString();
  }

  /**
   * The current stage's remaining seconds; empty when it has run past its estimate and says
   * nothing of how far it has come.
   */
  private OptionalDouble thisStageLeft(double inStage, Progress progress) {
    double ratio = progress.speedRatio();
    double fraction = progress.fractionDone();
    if (!Double.isNaN(ratio)) {
      // The stage's estimate at the speed its finished epochs ran at: the lanes' epochs finish a
      // few minutes apart, so the share done lags the time spent, but the speed does not.
      return OptionalDouble.of(Math.max(0, currentEstimate * ratio - inStage));
    }
    if (fraction >= MEASURED_SHARE) {
      // Work of even size, such as benchmark forks: what is left takes as long as what is done.
      return OptionalDouble.of(inStage * (1 - fraction) / fraction);
    }
    return inStage < currentEstimate ? OptionalDouble.of(currentEstimate - inStage)
        : OptionalDouble.empty();
  }

  /** The stages after the current one, at the speed the finished ones ran; empty if one has none. */
  private OptionalDouble laterStages() {
    double factor = speedFactor();
    double later = 0;
    for (String stage : stages.subList(stages.indexOf(current) + 1, stages.size())) {
      Double estimate = estimates.get(stage);
      if (estimate == null) {
        return OptionalDouble.empty();
      }
      later += estimate * factor;
    }
    return OptionalDouble.of(later);
  }

  /**
   * How much longer the finished stages took than estimated, together: 1 until one has finished,
   * kept within 4x either way so that one odd stage cannot swing the whole ETA.
   */
  private double speedFactor() {
    double estimated = 0;
    double took = 0;
    for (StageTime stage : finished) {
      // Against the plan's own estimate: the one shown at the stage's start was scaled already.
      Double planned = estimates.get(stage.stage());
      if (stage.ok() && planned != null && planned > 0) {
        estimated += planned;
        took += stage.seconds();
      }
    }
    return estimated == 0 ? 1 : Math.max(0.25, Math.min(4, took / estimated));
  }

  private void print() {
    String line = line();
    if (!line.isEmpty()) {
      console.println(line);
      console.flush();
    }
  }

  /** {@code seconds} as 1h02m, 12m05s or 45s. */
  static String clock(double seconds) {
    long whole = Math.round(seconds);
    if (whole >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", whole / 3600, whole % 3600 / 60);
    }
    if (whole >= 60) {
      return String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60);
    }
    return whole + "s";
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
