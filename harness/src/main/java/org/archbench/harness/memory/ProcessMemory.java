package org.archbench.harness.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The process's native memory as Linux reports it in {@code /proc/self/status}: RssAnon (anonymous
 * resident memory: the heap, native tensors, thread stacks, not mapped files) and VmHWM (peak RSS).
 * Empty where there is no such file, e.g. on macOS.
 */
public final class ProcessMemory {

  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private ProcessMemory() {}

  /** RssAnon in bytes. */
  public static OptionalLong rssAnonBytes() {
    return field("RssAnon:");
  }

  /** VmHWM (the peak resident set size) in bytes. */
  public static OptionalLong peakRssBytes() {
    return field("VmHWM:");
  }

  /**
   * Resets VmHWM to the current RSS by writing 5 to {@code /proc/self/clear_refs} (Linux 4.0+), so
   * that a later peak covers only what follows.
   *
   * @return whether the kernel accepted the reset
   */
  public static boolean resetPeakRss() {
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static OptionalLong field(String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(STATUS);
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    for (String line : lines) {
      if (line.startsWith(name)) {
        // e.g. "RssAnon:	  123456 kB"
        String[] parts = line.substring(name.length()).trim().split("\\s+");
        return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
      }
    }
    return OptionalLong.empty();
  }
}
