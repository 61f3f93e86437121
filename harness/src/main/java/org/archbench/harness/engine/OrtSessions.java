package org.archbench.harness.engine;

import org.archbench.schema.engine.OptimizationLevel;
import org.archbench.schema.engine.EngineSettings;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession.SessionOptions;
import org.archbench.schema.engine.ComputeDevice;

/** The ONNX Runtime environment and session options every ONNX Runtime session of archbench uses. */
public final class OrtSessions {

  private OrtSessions() {}

  /**
   * The process's one ONNX Runtime environment. DJL's OnnxRuntime engine creates it with threading
   * options and fails if it already exists, so DJL's engine is started first and both share it.
   */
  public static OrtEnvironment environment() {
    ai.djl.engine.Engine.getEngine("OnnxRuntime");
    return OrtEnvironment.getEnvironment();
  }

  /** Session options applying {@code settings}; the caller closes them. */
  public static SessionOptions options(EngineSettings settings) throws OrtException {
    SessionOptions options = new SessionOptions();
    options.setIntraOpNumThreads(settings.intraOpThreads());
    options.setInterOpNumThreads(settings.interOpThreads());
    options.setOptimizationLevel(ortLevel(settings.optimization()));
    if (settings.device() == ComputeDevice.GPU) {
      options.addCUDA(0);
    }
    return options;
  }

  /** The level as ONNX Runtime names it; both ONNX Runtime engines use it. */
  static SessionOptions.OptLevel ortLevel(OptimizationLevel level) {
    return switch (level) {
      case NONE -> SessionOptions.OptLevel.NO_OPT;
      case BASIC -> SessionOptions.OptLevel.BASIC_OPT;
      case EXTENDED -> SessionOptions.OptLevel.EXTENDED_OPT;
      case ALL -> SessionOptions.OptLevel.ALL_OPT;
    };
  }
}
