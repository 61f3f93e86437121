package org.archbench.harness.provenance;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.archbench.schema.run.Machine;

/** Reads this machine off the JVM, /proc on Linux, and nvidia-smi where there is one. */
public final class MachineProbe {

  private MachineProbe() {}

  /** The CUDA version in nvidia-smi's banner: "CUDA Version: 12.8". */
  private static final Pattern CUDA_VERSION = Pattern.compile("CUDA Version:\\s*([0-9.]+)");

  /**
   * The /proc/cpuinfo flags that set inference speed, and the names the label gives them, in the
   * order shown.
   */
  private static final Map<String, String> INSTRUCTION_SETS = instructionSetNames();

  private static Map<String, String> instructionSetNames() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("avx2", "AVX2");
    names.put("fma", "FMA");
    names.put("avx_vnni", "AVX-VNNI");
    names.put("avx512f", "AVX-512");
    names.put("avx512_vnni", "AVX-512 VNNI");
    names.put("avx512_bf16", "AVX-512 BF16");
    names.put("amx_tile", "AMX");
    names.put("amx_int8", "AMX INT8");
    names.put("amx_bf16", "AMX BF16");
    names.put("asimd", "NEON");
    names.put("sve", "SVE");
    return names;
  }

  /** This machine. */
  public static Machine current() {
    List<String> cpuinfo = cpuinfo();
    return new Machine(cpuModel(cpuinfo), Runtime.getRuntime().availableProcessors(), memory(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
            + " (" + System.getProperty("java.vm.name") + ")",
        nvidiaGpu(), host(), instructionSets(cpuinfo), cpuMhz(cpuinfo),
        System.getProperty("os.version"));
  }

  /** The first core's {@code cpu MHz}; null where /proc/cpuinfo has none (ARM, not Linux). */
  static Double cpuMhz(List<String> cpuinfo) {
    try {
      return field(cpuinfo, "cpu MHz").map(Double::valueOf).orElse(null);
    } catch (NumberFormatException unreadable) {
      return null;
    }
  }

  private static List<String> cpuinfo() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo"));
    } catch (IOException | RuntimeException notLinux) {
      return List.of();
    }
  }

  private static String cpuModel(List<String> cpuinfo) {
    return field(cpuinfo, "model name").orElse(System.getProperty("os.arch"));
  }

  /**
   * The named extensions among the first CPU's flags ({@code flags} on x86, {@code Features} on
   * ARM), in the order of {@link #INSTRUCTION_SETS}.
   */
  static List<String> instructionSets(List<String> cpuinfo) {
    Set<String> flags = new HashSet<>(Arrays.asList(field(cpuinfo, "flags")
        .or(() -> field(cpuinfo, "Features")).orElse("").split("\\s+")));
    return INSTRUCTION_SETS.entrySet().stream().filter(entry -> flags.contains(entry.getKey()))
        .map(Map.Entry::getValue).toList();
  }

  private static Optional<String> field(List<String> cpuinfo, String name) {
    return cpuinfo.stream()
        .filter(line -> line.startsWith(name) && line.indexOf(':') > 0
            && line.substring(0, line.indexOf(':')).trim().equals(name))
        .map(line -> line.substring(line.indexOf(':') + 1).trim())
        .findFirst();
  }

  private static String host() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException | RuntimeException notLinux) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException unknown) {
        return null;
      }
    }
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
