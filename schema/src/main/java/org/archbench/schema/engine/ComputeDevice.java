package org.archbench.schema.engine;

/** Where tensors live. */
public enum ComputeDevice {
  CPU,
  /** CUDA; needs a CUDA build of the natives (the gpu Maven profile) and a GPU ({@code Cuda}). */
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


}
