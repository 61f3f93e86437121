package org.archbench.harness.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * CPU time so far, in clock ticks, from Linux's /proc: the whole machine's, busy and in all, over
 * every core (/proc/stat, steal included: a hypervisor's other guests are other processes too),
 * and this process's with its finished children (/proc/self/stat: a benchmark stage's forks are
 * its children). Two snapshots tell how much CPU other processes took in between.
 *
 * @param machineBusy the machine's non-idle ticks
 * @param machineTotal the machine's ticks in all, idle and I/O wait included
 * @param own this process's ticks, its waited-for children's, and those of the live processes
 *     counted as its own (a benchmark stage's forks that measure in turns)
 * @param steal the ticks the hypervisor gave other guests while this machine wanted to run
 */
public record CpuTimes(long machineBusy, long machineTotal, long own, long steal) {

  private static final Path STAT = Path.of("/proc/stat");
  private static final Path SELF = Path.of("/proc/self/stat");

  /** The times now; empty where /proc cannot be read (not Linux). */
  public static Optional<CpuTimes> now() {
    return now(List.of());
  }

  /**
   * The times now, with the live processes {@code ownChildren} counted as this process's own;
   * empty where /proc cannot be read (not Linux). A child that has ended counts no more, so keep
   * the set the same for both snapshots of a comparison.
   */
  public static Optional<CpuTimes> now(Collection<Long> ownChildren) {
    try {
      CpuTimes times = parse(Files.readString(STAT, StandardCharsets.US_ASCII),
          Files.readString(SELF, StandardCharsets.US_ASCII));
      long children = 0;
      for (long pid : ownChildren) {
        children += processTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"),
            StandardCharsets.US_ASCII), false);
      }
      return Optional.of(new CpuTimes(times.machineBusy, times.machineTotal,
          times.own + children, times.steal));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses /proc/stat's first line ({@code cpu user nice system idle iowait irq softirq steal ...})
   * and /proc/self/stat (utime, stime, cutime, cstime are fields 14 to 17; the command name in
   * parentheses may hold spaces, so fields count from its closing parenthesis).
   */
  static CpuTimes parse(String stat, String self) {
    String[] cpu = stat.lines().findFirst().orElse("").trim().split("\\s+");
    if (cpu.length < 9 || !cpu[0].equals("cpu")) {
      throw new IllegalArgumentException("expected /proc/stat to start with a cpu line, found "
          + (cpu.length == 0 ? "nothing" : cpu[0]));
    }
    long busy = field(cpu, 1) + field(cpu, 2) + field(cpu, 3) + field(cpu, 6) + field(cpu, 7)
        + field(cpu, 8);
    long total = busy + field(cpu, 4) + field(cpu, 5);
    return new CpuTimes(busy, total, processTicks(self, true), field(cpu, 8));
  }

  /** utime and stime of a /proc/<pid>/stat line, and with its waited-for children's. */
  private static long processTicks(String stat, boolean withChildren) {
    String[] process = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // Field 3 (state) is process[0], so field k is process[k - 3].
    long ticks = field(process, 11) + field(process, 12);
    return withChildren ? ticks + field(process, 13) + field(process, 14) : ticks;
  }

  private static long field(String[] fields, int index) {
    return Long.parseLong(fields[index]);
  }

  /**
   * The share of the machine's CPU time, from this snapshot to {@code later}, that other processes
   * took: 0.5 on a 2-core machine is one core kept busy by someone else. NaN if no time passed.
   */
  public double otherShareUntil(CpuTimes later) {
    return shareOf(later, (later.machineBusy - machineBusy) - (later.own - own));
  }

  /**
   * The share of the machine's CPU time, from this snapshot to {@code later}, that the hypervisor
   * gave to other guests (steal): time this machine wanted and did not get. NaN if no time passed.
   */
  public double stealShareUntil(CpuTimes later) {
    return shareOf(later, later.steal - steal);
  }

  private double shareOf(CpuTimes later, long ticks) {
    long total = later.machineTotal - machineTotal;
    if (total <= 0) {
      return Double.NaN;
    }
    return Math.max(0, Math.min(1, (double) ticks / total));
  }
}
