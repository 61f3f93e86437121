package org.archbench.harness.engine;

import org.archbench.harness.model.ModelFiles;

/** Whether this machine can run the CUDA device, asked of PyTorch. */
public final class Cuda {

  private Cuda() {}

  /**
   * Fails at once, naming {@code who} asked, unless PyTorch sees a CUDA GPU: archbench never falls
   * back to the CPU behind the user's back.
   */
  public static void require(String who) {
    String found;
    try {
      if (ai.djl.engine.Engine.getEngine(ModelFiles.DJL_ENGINE).getGpuCount() > 0) {
        return;
      }
      found = "none (this build carries the CPU natives, or the machine has no NVIDIA GPU)";
    } catch (RuntimeException noNatives) {
      // -Pgpu drops the CPU natives: without PYTORCH_LIBRARY_PATH, PyTorch does not load at all.
      found = "no PyTorch natives that load (" + noNatives.getMessage() + ")";
    }
    throw new IllegalArgumentException(who + ": expected a CUDA GPU and CUDA natives, found "
        + found + ". Build with -Pgpu on a machine with an NVIDIA GPU and point"
        + " PYTORCH_LIBRARY_PATH at a CUDA libtorch 2.7.1 (README, 'GPU'), or run on the CPU.");
  }
}
