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

  private ProcessMemory() {}

  /** RssAnon in bytes. */
  public static OptionalLong rssAnonBytes() {
    return field("RssAnon:");
  }

  /** VmHWM (the peak resident set size) in bytes. */
  public static OptionalLong peakRssBytes() {
    return field("VmHWM:");
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
