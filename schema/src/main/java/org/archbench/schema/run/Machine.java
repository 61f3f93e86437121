package org.archbench.schema.run;

import java.util.List;
import org.archbench.schema.io.MayBeAbsent;

/**
 * The machine a run measured: host, CPU model and the vector instruction sets that set its speed,
 * cores, memory, OS, JVM and GPU. Two hosts of one CPU model can differ 2-3x in GEMM speed by their
 * instruction sets alone (AVX2 against AVX-512), so the label names them.
 *
 * @param cpu the CPU model, e.g. "AMD EPYC 7B13"
 * @param cores logical cores available to the JVM
 * @param memoryBytes physical memory
 * @param os name, version and architecture
 * @param jvm vendor, version and VM
 * @param gpu the GPU model, driver and CUDA version from nvidia-smi, or "none"
 * @param host the host name; absent in runs recorded before it was
 * @param instructionSets the CPU's vector extensions that matter for inference, e.g. AVX2,
 *     AVX-512, AVX-512 VNNI, AMX; empty where unknown
 * @param cpuMhz the first core's clock as /proc/cpuinfo read when the run was recorded (a governor
 *     or turbo moves it; two hosts of one model at other clocks differ in speed too); absent where
 *     unknown
 * @param kernel the operating system's kernel release (uname -r), also in {@code os}; absent in
 *     runs recorded before it was
 */
public record Machine(String cpu, int cores, long memoryBytes, String os, String jvm, String gpu,
    @MayBeAbsent String host, List<String> instructionSets, @MayBeAbsent Double cpuMhz,
    @MayBeAbsent String kernel) {

  /** An absent list reads as empty: a run recorded before instruction sets were. */
  public Machine {
    instructionSets = instructionSets == null ? List.of() : List.copyOf(instructionSets);
  }

  /**
   * A short label for the report: "build-7: AMD EPYC 7B13, 2 cores, AVX-512", the host first and
   * the widest vector extension last.
   */
  public String label() {
    return (host == null || host.isBlank() ? "" : host + ": ") + cpu + ", " + cores + " cores"
        + (instructionSets.isEmpty() ? "" : ", " + widestVectors())
        + (gpu.equals("none") ? "" : ", " + gpu);
  }

  /** AMX over AVX-512 over AVX2: what the label shows of the instruction sets. */
  private String widestVectors() {
    for (String widest : List.of("AMX", "AVX-512", "AVX2")) {
      if (instructionSets.contains(widest)) {
        return widest;
      }
    }
    return instructionSets.get(0);
  }
}
