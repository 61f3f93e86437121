package org.archbench.harness.export;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Reads and makes the initializers a graph rewrite needs: float32, int8 and int32 tensors. */
final class OnnxTensors {

  private OnnxTensors() {}

  /** The values of a float32 initializer, from its raw data or its float_data. */
  static float[] floats(TensorProto tensor) {
    if (tensor.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
      throw new IllegalArgumentException("expected a float32 initializer, found data type "
          + tensor.getDataType() + " in " + tensor.getName());
    }
    if (!tensor.getRawData().isEmpty()) {
      float[] values = new float[tensor.getRawData().size() / Float.BYTES];
      tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
          .get(values);
      return values;
    }
    float[] values = new float[tensor.getFloatDataCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = tensor.getFloatData(i);
    }
    return values;
  }

  static TensorProto floats(String name, float[] values, long... dimensions) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    return tensor(name, TensorProto.DataType.FLOAT, bytes.array(), dimensions);
  }

  static TensorProto int8(String name, byte[] values, long... dimensions) {
    return tensor(name, TensorProto.DataType.INT8, values, dimensions);
  }

  static TensorProto uint8(String name, byte[] values, long... dimensions) {
    return tensor(name, TensorProto.DataType.UINT8, values, dimensions);
  }

  static TensorProto int32(String name, int[] values, long... dimensions) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asIntBuffer().put(values);
    return tensor(name, TensorProto.DataType.INT32, bytes.array(), dimensions);
  }

  /** A tensor of the dimensions of {@code like}, with other values. */
  static TensorProto floatsLike(TensorProto like, float[] values) {
    return floats(like.getName(), values,
        like.getDimsList().stream().mapToLong(Long::longValue).toArray());
  }

  static long[] dims(TensorProto tensor) {
    return tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
  }

  private static TensorProto tensor(String name, TensorProto.DataType type, byte[] raw,
      long... dimensions) {
    return TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
        .addAllDims(Arrays.stream(dimensions).boxed().toList())
        .setRawData(ByteString.copyFrom(raw)).build();
  }
}
