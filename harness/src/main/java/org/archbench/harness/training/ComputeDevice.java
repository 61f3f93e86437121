package org.archbench.harness.training;

/** Where tensors live. */
public enum ComputeDevice {
  CPU,
  /** CUDA; needs a CUDA build of the natives (the gpu Maven profile) and a GPU. */
  GPU
}
