package org.archbench.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * Waits until this process is quiet: work a JVM goes on with after its foreground work ends (the
 * JIT compiling what just ran, a collection, an engine's threads spinning for more work) would
 * otherwise run during the next measurement, on a machine with two cores.
 */
final class QuietWait {

  /** A window in which this process must use under {@link #QUIET_SHARE} of one core. */
  private static final long WINDOW_MILLIS = 5;
  private static final double QUIET_SHARE = 0.1;
  /** The longest wait: a process that never quiets hands over all the same. */
  private static final long MOST_WAIT_MILLIS = 250;

  private QuietWait() {}

  /** Waits until this process is quiet, at most a quarter of a second; how long that took. */
  static long untilQuiet() throws InterruptedException {
    OperatingSystemMXBean system =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long start = System.nanoTime();
    while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(MOST_WAIT_MILLIS)) {
      long cpu = system.getProcessCpuTime();
      long wall = System.nanoTime();
      Thread.sleep(WINDOW_MILLIS);
      double share = (double) (system.getProcessCpuTime() - cpu) / (System.nanoTime() - wall);
      if (share < QUIET_SHARE) {
        break;
      }
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
