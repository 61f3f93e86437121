package org.archbench.harness.export;

/**
 * What every ONNX file archbench writes promises its readers (the output layout of the README): opset 17,
 * IR version 8, one float32 input {@code input [batch, 1, 28, 28]} of pixels in [0, 1] and one float32
 * output {@code logits [batch, 10]}, with a dynamic batch dimension named {@code batch}.
 */
public final class OnnxContract {

  /** Name of the graph's input. */
  public static final String INPUT = "input";

  /** Name of the graph's output. */
  public static final String OUTPUT = "logits";

  /** Name of the dynamic batch dimension of both. */
  public static final String BATCH = "batch";

  /** The default-domain opset the graph is written against. */
  public static final long OPSET = 17;

  /** The ONNX IR version of the file (ONNX 1.13 and later read it). */
  public static final long IR_VERSION = 8;

  private OnnxContract() {}
}
