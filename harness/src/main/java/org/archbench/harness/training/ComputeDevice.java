package org.archbench.harness.training;

/** Where tensors live. */
public enum ComputeDevice {
  CPU,
  /** CUDA; needs a CUDA build of the natives (the gpu Maven profile) and a GPU. */
  GPU;

  /**
   * Fails at once, naming {@code who} asked, unless PyTorch sees a CUDA GPU: archbench never falls
   * back to the CPU behind the user's back.
   */
  public static void requireCuda(String who) {
    if (ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount() == 0) {
      throw new IllegalArgumentException(who + ": expected a CUDA GPU and CUDA natives, found none"
          + " (this build carries the CPU natives, or the machine has no NVIDIA GPU). Build with"
          + " -Pgpu on a machine with an NVIDIA GPU (README, 'GPU'), or run on the CPU.");
    }
  }
}
