package org.archbench.benchmarks;

import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Warm-up until steady, run by a benchmark's trial setup on the very call it measures: windows of
 * calls, until the rate stops improving ({@link #settle}), or the cap. PyTorch's first
 * calls on a shape are orders of magnitude slower than its steady state; a fixed, short warm-up
 * would publish that transient as the result. The launcher sets the window, cap and tolerance per
 * preset ({@link #WINDOW_PROPERTY}); {@link SteadyStateProfiler} records the outcome per fork, and a
 * figure with a fork that never got steady reads "not steady".
 */
final class SteadyWarmup {

  /** Milliseconds per window. */
  static final String WINDOW_PROPERTY = "archbench.warmup.windowMillis";
  /** The most windows. */
  static final String MAXIMUM_PROPERTY = "archbench.warmup.maxWindows";
  /** How far two successive windows' rates may differ, relative: 0.03. */
  static final String TOLERANCE_PROPERTY = "archbench.warmup.tolerance";

  /** Calls per window at the least, however slow: a rate of one call says nothing. */
  private static final int MINIMUM_CALLS = 5;

  /**
   * How a fork's warm-up went.
   *
   * @param windows windows run
   * @param steady whether it got past the transient before the cap
   * @param change the last two windows' relative difference
   */
  record Outcome(int windows, boolean steady, double change) {}

  /** The outcome of this fork's warm-up, for the profiler; null before (or without) one. */
  private static volatile Outcome last;

  private SteadyWarmup() {}

  /** Warms {@code call} up with the launcher's settings (or a 500 ms window, 12, 3%). */
  static Outcome run(Runnable call) {
    Outcome outcome = run(call, Long.getLong(WINDOW_PROPERTY, 500) * 1_000_000L,
        Integer.getInteger(MAXIMUM_PROPERTY, 12),
        Double.parseDouble(System.getProperty(TOLERANCE_PROPERTY, "0.03")));
    last = outcome;
    if (!outcome.steady()) {
      System.err.printf(Locale.ROOT, "warm-up: not steady after %d windows (last change %.1f%%)%n",
          outcome.windows(), 100 * outcome.change());
    }
    return outcome;
  }

  static Outcome run(Runnable call, long windowNanos, int maximumWindows, double tolerance) {
    return settle(() -> window(call, windowNanos), maximumWindows, tolerance);
  }

  /**
   * Takes windows' rates from {@code windows} until the warm-up is past its transient, or
   * {@code maximumWindows} (two at the least) are taken. Past it means: the last two windows
   * agree within {@code tolerance}, or, from the third window on, the last is slower than the best
   * before it, so the rate no longer improves. A shared machine's noise can keep two windows from
   * agreeing within 3% for ever; that noise shows in the interval over forks, while the transient
   * (each window faster than the last) is what the warm-up must leave behind.
   */
  static Outcome settle(DoubleSupplier windows, int maximumWindows, double tolerance) {
    double best = Double.NaN;
    double previous = Double.NaN;
    double change = Double.NaN;
    int taken = 0;
    while (taken < Math.max(2, maximumWindows)) {
      double rate = windows.getAsDouble();
      taken++;
      if (!Double.isNaN(previous)) {
        change = Math.abs(rate - previous) / previous;
        if (change <= tolerance || (taken >= 3 && rate < best)) {
          return new Outcome(taken, true, change);
        }
      }
      best = Double.isNaN(best) ? rate : Math.max(best, rate);
      previous = rate;
    }
    return new Outcome(taken, false, change);
  }

  /** Calls per second over one window of at least {@code windowNanos} and {@link #MINIMUM_CALLS}. */
  private static double window(Runnable call, long windowNanos) {
    long start = System.nanoTime();
    long calls = 0;
    long elapsed;
    do {
      call.run();
      calls++;
      elapsed = System.nanoTime() - start;
    } while (elapsed < windowNanos || calls < MINIMUM_CALLS);
    return calls / (elapsed / 1e9);
  }

  static Outcome last() {
    return last;
  }

  /**
   * Makes {@code outcome} this fork's last warm-up again: a fork serving turns warms each batch
   * size up once, and each later turn on it reports that warm-up.
   */
  static void remember(Outcome outcome) {
    last = outcome;
  }
}
