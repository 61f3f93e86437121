package org.archbench.harness.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

  /** /proc/self/stat of a process whose name holds a space and a parenthesis. */
  private static String self(long utime, long stime, long cutime, long cstime) {
    return "4242 (java (x) y) S 1 4242 1 0 -1 4194304 129 0 0 0 " + utime + " " + stime + " "
        + cutime + " " + cstime + " 20 0 30 0 95016 3133440 390\n";
  }

  @Test
  void parsesTheMachinesAndTheProcesssTicks() {
    CpuTimes times = CpuTimes.parse(
        "cpu  100 5 20 800 10 1 2 3 0 0\ncpu0 50 2 10 400 5 0 1 1 0 0\n", self(7, 3, 40, 10));

    // Busy: user + nice + system + irq + softirq + steal; in all, idle and iowait too.
    assertEquals(new CpuTimes(131, 941, 60, 3), times);
  }

  @Test
  void otherProcessesShareIsTheBusyTimeThisProcessDidNotTake() {
    CpuTimes before = CpuTimes.parse("cpu  100 0 0 900 0 0 0 0 0 0\n", self(0, 0, 0, 0));
    // 200 ticks pass: 150 busy, of which this process and its forks took 100.
    CpuTimes after = CpuTimes.parse("cpu  250 0 0 950 0 0 0 0 0 0\n", self(60, 10, 30, 0));

    assertEquals(0.25, before.otherShareUntil(after), 1e-12);
    assertTrue(Double.isNaN(before.otherShareUntil(before)), "no time passed");
  }

  @Test
  void aFileNotOfProcIsRefused() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> CpuTimes.parse("intr 1 2 3\n", self(0, 0, 0, 0)));

    assertTrue(error.getMessage().contains("expected /proc/stat to start with a cpu line"),
        error.getMessage());
  }

  @Test
  void thisMachineHasThem() {
    // The build runs on Linux (the PyTorch natives are x86-64 Linux only).
    assertTrue(CpuTimes.now().isPresent());
  }

  @Test
  void stealShareIsTheHypervisorsTicksOverAllTicks() {
    CpuTimes before = CpuTimes.parse("cpu  100 0 0 900 0 0 0 10 0 0\n", self(0, 0, 0, 0));
    // 200 ticks pass, 30 of them stolen by the hypervisor.
    CpuTimes after = CpuTimes.parse("cpu  220 0 0 950 0 0 0 40 0 0\n", self(0, 0, 0, 0));

    assertEquals(0.15, before.stealShareUntil(after), 1e-12);
  }

  @Test
  void liveChildrenCountedAsOwnAreNotOtherProcesses() {
    java.util.Optional<CpuTimes> alone = CpuTimes.now();
    java.util.Optional<CpuTimes> withSelf =
        CpuTimes.now(java.util.List.of(ProcessHandle.current().pid()));
    org.junit.jupiter.api.Assumptions.assumeTrue(alone.isPresent() && withSelf.isPresent());

    // This process counted a second time as a child of its own: its ticks are added once more.
    org.junit.jupiter.api.Assertions.assertTrue(withSelf.get().own() >= alone.get().own());
  }
}
