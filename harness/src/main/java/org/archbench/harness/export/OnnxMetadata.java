package org.archbench.harness.export;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code metadata_props} of an ONNX model: where {@link ExportProvenance} put its facts, and
 * where a derived variant restates them as its own.
 */
public final class OnnxMetadata {

  private OnnxMetadata() {}

  /**
   * The metadata of {@code file}, in file order.
   *
   * @throws IOException if the file is missing or not an ONNX model, naming it
   */
  public static Map<String, String> read(Path file) throws IOException {
    OnnxMl.ModelProto model;
    try (InputStream in = Files.newInputStream(file)) {
      model = OnnxMl.ModelProto.parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      throw new IOException(file + ": expected an ONNX model, found bytes that are not one ("
          + e.getMessage() + ")", e);
    }
    if (!model.hasGraph()) {
      throw new IOException(file + ": expected an ONNX model, found no graph in it");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (OnnxMl.StringStringEntryProto entry : model.getMetadataPropsList()) {
      metadata.put(entry.getKey(), entry.getValue());
    }
    return metadata;
  }

  /**
   * {@code model} with {@code entries} in its metadata, each replacing an entry of the same key:
   * a derived model starts from its source's metadata, whose variant is not its own.
   */
  public static OnnxMl.ModelProto with(OnnxMl.ModelProto model, Map<String, String> entries) {
    OnnxMl.ModelProto.Builder rewritten = model.toBuilder().clearMetadataProps();
    for (OnnxMl.StringStringEntryProto entry : model.getMetadataPropsList()) {
      if (!entries.containsKey(entry.getKey())) {
        rewritten.addMetadataProps(entry);
      }
    }
    entries.forEach((key, value) -> rewritten.addMetadataProps(
        OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return rewritten.build();
  }
}
