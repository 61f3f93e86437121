package org.archbench.harness.provenance;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.archbench.schema.run.Machine;

/** Reads this machine off the JVM, /proc on Linux, and nvidia-smi where there is one. */
public final class MachineProbe {

  private MachineProbe() {}

  /** The CUDA version in nvidia-smi's banner: "CUDA Version: 12.8". */
  private static final Pattern CUDA_VERSION = Pattern.compile("CUDA Version:\\s*([0-9.]+)");

  /** This machine. */
  public static Machine current() {
    return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memory(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
            + " (" + System.getProperty("java.vm.name") + ")",
        nvidiaGpu());
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // Fall through to what the JVM knows.
    }
    return System.getProperty("os.arch");
  }

  private static long memory() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return -1;
  }

  /**
   * nvidia-smi's name and driver of GPU 0, and the CUDA version the driver supports (printed only in
   * nvidia-smi's banner), or "none" where there is no NVIDIA GPU.
   */
  private static String nvidiaGpu() {
    List<String> query = output("nvidia-smi", "--query-gpu=name,driver_version",
        "--format=csv,noheader");
    if (query.isEmpty()) {
      return "none";
    }
    String[] fields = query.get(0).split(",\\s*");
    String cuda = output("nvidia-smi").stream()
        .map(CUDA_VERSION::matcher).filter(Matcher::find)
        .map(m -> ", CUDA " + m.group(1)).findFirst().orElse("");
    return fields[0] + (fields.length > 1 ? " (driver " + fields[1] + cuda + ")" : "");
  }

  /** The lines {@code command} printed, or none if it is missing, failed or hung. */
  private static List<String> output(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return List.of();
      }
      List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
      return process.exitValue() == 0 ? lines : List.of();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }
}
