package org.archbench.harness.export;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.BatchNorm;
import org.archbench.models.spec.Conv2d;
import org.archbench.models.spec.Dropout;
import org.archbench.models.spec.FeatureShape;
import org.archbench.models.spec.Flatten;
import org.archbench.models.spec.GlobalAvgPool;
import org.archbench.models.spec.LayerSpec;
import org.archbench.models.spec.Linear;
import org.archbench.models.spec.MaxPool;
import org.archbench.models.spec.Relu;
import org.archbench.models.spec.ResidualBlock;
import org.archbench.models.spec.SqueezeExcite;

/**
 * Writes any architecture with its trained DJL parameters as an ONNX graph (DJL has no ONNX
 * exporter). One walk over the spec, in step with the block {@link
 * org.archbench.models.djl.DjlBlocks} built from it: no per-architecture code.
 *
 * <p>Mapping details: DJL's Linear weight is (out, in), hence Gemm with transB = 1; Conv2d weights
 * are (M, C, kH, kW) in both; BatchNorm's gamma, beta, running mean and variance are ONNX's scale, B,
 * mean and var, with the spec's epsilon; DJL's global average pool returns (N, C) where ONNX's
 * returns (N, C, 1, 1), so a Flatten follows it; Dropout is the identity at inference and is left
 * out.
 */
public final class OnnxExporter {

  private OnnxExporter() {}

  /** The ONNX model of {@code spec} with the parameters of {@code block}, built from that spec. */
  public static OnnxMl.ModelProto toModel(
      ArchitectureSpec spec, Block block, ExportProvenance provenance) {
    OnnxGraphBuilder graph = new OnnxGraphBuilder(spec.id());
    List<Block> children = block.getChildren().values();
    List<FeatureShape> shapes = spec.shapes();
    String tensor = OnnxContract.INPUT;
    for (int i = 0; i < spec.layers().size(); i++) {
      tensor = spec.layers().get(i).accept(new LayerExport(graph, tensor, children.get(i), shapes.get(i)));
    }
    graph.renameLastOutput(tensor, OnnxContract.OUTPUT);
    graph.graph()
        .addInput(valueInfo(OnnxContract.INPUT, spec.input().channels(), spec.input().height(),
            spec.input().width()))
        .addOutput(valueInfo(OnnxContract.OUTPUT, spec.classes()));
    OnnxMl.ModelProto.Builder model =
        OnnxMl.ModelProto.newBuilder()
            .setIrVersion(OnnxContract.IR_VERSION)
            .setProducerName("archbench")
            .setProducerVersion(provenance.archbenchVersion())
            .setDocString(spec.description())
            .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OnnxContract.OPSET))
            .setGraph(graph.graph());
    for (Map.Entry<String, String> entry : provenance.asMetadata().entrySet()) {
      model.addMetadataProps(
          OnnxMl.StringStringEntryProto.newBuilder().setKey(entry.getKey()).setValue(entry.getValue()));
    }
    return model.build();
  }

  /** Writes {@link #toModel} to {@code file}, atomically. */
  public static void export(
      ArchitectureSpec spec, Block block, ExportProvenance provenance, Path file) throws IOException {
    AtomicFiles.write(file, toModel(spec, block, provenance).toByteArray());
  }

  /** A float32 tensor description with a dynamic batch dimension followed by {@code dimensions}. */
  static ValueInfoProto valueInfo(String name, long... dimensions) {
    TensorShapeProto.Builder shape =
        TensorShapeProto.newBuilder()
            .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(OnnxContract.BATCH));
    for (long dimension : dimensions) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(dimension));
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder()
                        .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape)))
        .build();
  }

  /** The nodes of one layer, reading its parameters from the DJL block built for it. */
  private record LayerExport(OnnxGraphBuilder graph, String input, Block block, FeatureShape shape)
      implements LayerSpec.Visitor<String> {

    private NDArray parameter(Block owner, String name) {
      return owner.getDirectParameters().get(name).getArray();
    }

    private String conv(Conv2d layer, Block conv, String from) {
      String weight = graph.initializer("conv_weight", parameter(conv, "weight"));
      String[] inputs =
          layer.bias()
              ? new String[] {from, weight, graph.initializer("conv_bias", parameter(conv, "bias"))}
              : new String[] {from, weight};
      long padding = layer.padding();
      return graph.node("Conv", inputs,
          "kernel_shape", new long[] {layer.kernel(), layer.kernel()},
          "strides", new long[] {layer.stride(), layer.stride()},
          "pads", new long[] {padding, padding, padding, padding});
    }

    private String batchNorm(BatchNorm layer, Block norm, String from) {
      return graph.node("BatchNormalization",
          new String[] {
            from,
            graph.initializer("bn_scale", parameter(norm, "gamma")),
            graph.initializer("bn_bias", parameter(norm, "beta")),
            graph.initializer("bn_mean", parameter(norm, "runningMean")),
            graph.initializer("bn_var", parameter(norm, "runningVar"))
          },
          "epsilon", layer.epsilon(),
          "momentum", 1 - layer.momentum());
    }

    private String gemm(Block linear, String from) {
      return graph.node("Gemm",
          new String[] {
            from,
            graph.initializer("fc_weight", parameter(linear, "weight")),
            graph.initializer("fc_bias", parameter(linear, "bias"))
          },
          "transB", 1L);
    }

    @Override
    public String conv2d(Conv2d layer) {
      return conv(layer, block, input);
    }

    @Override
    public String batchNorm(BatchNorm layer) {
      return batchNorm(layer, block, input);
    }

    @Override
    public String relu(Relu layer) {
      return graph.node("Relu", new String[] {input});
    }

    @Override
    public String maxPool(MaxPool layer) {
      return graph.node("MaxPool", new String[] {input},
          "kernel_shape", new long[] {layer.kernel(), layer.kernel()},
          "strides", new long[] {layer.stride(), layer.stride()});
    }

    @Override
    public String linear(Linear layer) {
      return gemm(block, input);
    }

    @Override
    public String dropout(Dropout layer) {
      return input;
    }

    @Override
    public String flatten(Flatten layer) {
      return graph.node("Flatten", new String[] {input}, "axis", 1L);
    }

    @Override
    public String globalAvgPool(GlobalAvgPool layer) {
      String pooled = graph.node("GlobalAveragePool", new String[] {input});
      return graph.node("Flatten", new String[] {pooled}, "axis", 1L);
    }

    @Override
    public String squeezeExcite(SqueezeExcite layer) {
      // DjlBlocks: ParallelBlock(identity, [GAP, Linear, ReLU, Linear, sigmoid]), joined by a product.
      List<Block> excitation = block.getChildren().values().get(1).getChildren().values();
      String pooled = graph.node("GlobalAveragePool", new String[] {input});
      String squeezed = graph.node("Flatten", new String[] {pooled}, "axis", 1L);
      String hidden = graph.node("Relu", new String[] {gemm(excitation.get(1), squeezed)});
      String gate = graph.node("Sigmoid", new String[] {gemm(excitation.get(3), hidden)});
      // [batch, channels] to [batch, channels, 1, 1]. A Reshape rather than an Unsqueeze of two
      // axes: OpenCV's importer rejects a multidimensional Unsqueeze.
      String spatialGate = graph.node("Reshape",
          new String[] {gate, graph.int64Initializer("se_shape", 0, -1, 1, 1)});
      return graph.node("Mul", new String[] {input, spatialGate});
    }

    @Override
    public String residualBlock(ResidualBlock layer) {
      // DjlBlocks: ParallelBlock([conv, BN, ReLU, conv, BN], shortcut), joined by sum and ReLU.
      List<Block> branches = block.getChildren().values();
      List<Block> main = branches.get(0).getChildren().values();
      String x = conv(layer.firstConv(), main.get(0), input);
      x = batchNorm(layer.batchNorm(), main.get(1), x);
      x = graph.node("Relu", new String[] {x});
      x = conv(layer.secondConv(), main.get(3), x);
      x = batchNorm(layer.batchNorm(), main.get(4), x);
      String shortcut = input;
      if (layer.needsProjection(shape)) {
        List<Block> projection = branches.get(1).getChildren().values();
        shortcut = conv(layer.projection(), projection.get(0), input);
        shortcut = batchNorm(layer.batchNorm(), projection.get(1), shortcut);
      }
      return graph.node("Relu", new String[] {graph.node("Add", new String[] {x, shortcut})});
    }
  }
}
