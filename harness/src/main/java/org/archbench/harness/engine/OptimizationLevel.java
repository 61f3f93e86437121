package org.archbench.harness.engine;

/** ONNX Runtime's graph optimisation levels; PyTorch eager has none and records {@link #NONE}. */
public enum OptimizationLevel {
  NONE,
  BASIC,
  EXTENDED,
  ALL
}
