package org.archbench.harness.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The inference engines archbench compares, by the ids used on the command line and in results. */
public enum EngineKind {
  /** ONNX Runtime's own Java API on the .onnx file. */
  ONNXRUNTIME("onnxruntime"),
  /** DJL's PyTorch engine, eager, on the DJL-format parameters. */
  PYTORCH("pytorch"),
  /** DJL's OnnxRuntime engine on the .onnx file. */
  DJL_ONNXRUNTIME("djl-onnxruntime");

  private final String id;

  EngineKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The engine with this id; the message lists the known ids otherwise. */
  public static EngineKind byId(String id) {
    for (EngineKind kind : values()) {
      if (kind.id.equals(id.toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "expected one of the engines "
            + Arrays.stream(values()).map(EngineKind::id).collect(Collectors.joining(", "))
            + ", found '" + id + "'");
  }

  @Override
  public String toString() {
    return id;
  }
}
