package org.archbench.harness.engine;

import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;

/** ONNX Runtime's graph optimisation levels; PyTorch eager has none and ignores them. */
public enum OptimizationLevel {
  NONE(OptLevel.NO_OPT),
  BASIC(OptLevel.BASIC_OPT),
  EXTENDED(OptLevel.EXTENDED_OPT),
  ALL(OptLevel.ALL_OPT);

  private final OptLevel ortLevel;

  OptimizationLevel(OptLevel ortLevel) {
    this.ortLevel = ortLevel;
  }

  /** The level as ONNX Runtime names it; both ONNX Runtime engines use it. */
  OptLevel ortLevel() {
    return ortLevel;
  }
}
