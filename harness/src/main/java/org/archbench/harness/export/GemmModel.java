package org.archbench.harness.export;

import ai.onnx.proto.OnnxMl;
import java.util.Random;

/**
 * A one-node ONNX model, input [batch, n] times a constant n x n matrix: the benchmarks' measure of
 * what ONNX Runtime's own GEMM (MLAS) reaches on this machine, beside PyTorch's BLAS.
 */
public final class GemmModel {

  private GemmModel() {}

  /** The serialised model, its matrix filled from {@code seed} with values in [-1, 1). */
  public static byte[] of(int n, long seed) {
    Random random = new Random(seed);
    float[] matrix = new float[n * n];
    for (int i = 0; i < matrix.length; i++) {
      matrix[i] = random.nextFloat() * 2 - 1;
    }
    OnnxGraphBuilder graph = new OnnxGraphBuilder("gemm");
    String constant = graph.initializer("b", matrix, n, n);
    String product = graph.node("MatMul", new String[] {OnnxContract.INPUT, constant});
    graph.renameLastOutput(product, OnnxContract.OUTPUT);
    graph.graph()
        .addInput(OnnxExporter.valueInfo(OnnxContract.INPUT, n))
        .addOutput(OnnxExporter.valueInfo(OnnxContract.OUTPUT, n));
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(OnnxContract.IR_VERSION)
        .setProducerName("archbench")
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxContract.OPSET))
        .setGraph(graph.graph())
        .build()
        .toByteArray();
  }
}
