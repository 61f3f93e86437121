package org.archbench.schema.run;

/**
 * The machine a run measured: CPU model, cores, memory, OS, JVM and GPU.
 *
 * @param cpu the CPU model, e.g. "AMD EPYC 7B13"
 * @param cores logical cores available to the JVM
 * @param memoryBytes physical memory
 * @param os name, version and architecture
 * @param jvm vendor, version and VM
 * @param gpu the GPU model, driver and CUDA version from nvidia-smi, or "none"
 */
public record Machine(String cpu, int cores, long memoryBytes, String os, String jvm, String gpu) {

  /** A short label for the report, e.g. "AMD EPYC 7B13, 2 cores". */
  public String label() {
    return cpu + ", " + cores + " cores" + (gpu.equals("none") ? "" : ", " + gpu);
  }
}
