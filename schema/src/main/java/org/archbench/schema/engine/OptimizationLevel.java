package org.archbench.schema.engine;

/** ONNX Runtime's graph optimisation levels; PyTorch eager has none and ignores them. */
public enum OptimizationLevel {
  NONE,
  BASIC,
  EXTENDED,
  ALL
}
