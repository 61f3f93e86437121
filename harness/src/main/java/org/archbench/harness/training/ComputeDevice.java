package org.archbench.harness.training;

/** Where tensors live. */
public enum ComputeDevice {
  CPU,
  /** CUDA; needs a CUDA build of the natives (the gpu Maven profile) and a GPU. */
  GPU;

  /**
   * The device named {@code id}: {@code cpu}, or {@code gpu} (also {@code cuda}); blank or null is
   * the CPU. The one parser of --device and -Dbench.device.
   *
   * @throws IllegalArgumentException naming the accepted names, for anything else
   */
  public static ComputeDevice byId(String id) {
    String name = id == null ? "" : id.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (name) {
      case "", "cpu" -> CPU;
      case "gpu", "cuda" -> GPU;
      default -> throw new IllegalArgumentException(
          "--device: expected cpu or gpu, found '" + id + "'");
    };
  }

  /**
   * Fails at once, naming {@code who} asked, unless PyTorch sees a CUDA GPU: archbench never falls
   * back to the CPU behind the user's back.
   */
  public static void requireCuda(String who) {
    String found;
    try {
      if (ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount() > 0) {
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
