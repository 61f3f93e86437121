package org.archbench.harness.model;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.archbench.harness.export.Calibration;
import org.archbench.harness.export.ExportProvenance;
import org.archbench.harness.export.OnnxMetadata;
import org.archbench.harness.export.QdqQuantizer;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.schema.io.Sha256;
import org.archbench.schema.registry.Registered;

/**
 * One artifact of a trained model, apart from the runtime that runs it: the float32 export, or one
 * derived from it (int8). A variant is one class that extends this, registered in
 * META-INF/services/org.archbench.harness.model.ModelVariant ({@link ModelVariants}); engines say
 * which variants they run ({@code EngineKind.runs}).
 */
public abstract class ModelVariant extends Registered {

  protected ModelVariant(String id) {
    super(id);
  }

  /**
   * The stem of this variant's files for {@code arch}: {@code cnn} for float32, {@code cnn.int8}
   * for int8; the ONNX file is the stem with {@code .onnx}, and evaluation names its predictions
   * after it.
   */
  public final String stem(String arch) {
    return ModelVariantIds.stem(arch, id());
  }

  /** The variant's ONNX file in the model directory {@code directory} of {@code arch}. */
  public final Path onnx(Path directory, String arch) {
    return directory.resolve(stem(arch) + ".onnx");
  }

  /**
   * Writes this variant's ONNX file from the float32 export of {@code float32}, atomically. The
   * float32 variant is that export, and writes nothing.
   *
   * @param calibration validation images, for a variant that calibrates on data
   * @throws IOException if the float32 export is missing or cannot be read or run
   */
  public abstract void derive(ModelFiles float32, Calibration calibration) throws IOException;

  /**
   * Fails unless the file of this variant, whose metadata is {@code metadata} and whose
   * architecture, training key and variant {@link ModelFiles#verifiedOnnx} has checked, was made
   * from the float32 file now in {@code files}' directory. The float32 variant is that file.
   *
   * @throws IOException naming the file, what it was derived from, and how to make it again
   */
  protected abstract void requireDerivedFrom(ModelFiles files, Map<String, String> metadata)
      throws IOException;

  /** Whether this is the float32 model training wrote, whose DJL parameters every engine can load. */
  public final boolean isFloat32() {
    return id().equals(ModelVariantIds.FLOAT32);
  }

  /** The float32 model as trained: models/&lt;arch&gt;/&lt;arch&gt;.onnx and the DJL parameters. */
  public static final class Float32 extends ModelVariant {

    public Float32() {
      super(ModelVariantIds.FLOAT32);
    }

    @Override
    public void derive(ModelFiles float32, Calibration calibration) {}

    @Override
    protected void requireDerivedFrom(ModelFiles files, Map<String, String> metadata) {}
  }

  /**
   * The float32 export quantized to int8 in QDQ form ({@link QdqQuantizer}): models/&lt;arch&gt;/
   * &lt;arch&gt;.int8.onnx, with the float32 file's provenance and the calibration it was made with in
   * its metadata, and the SHA-256 of the float32 file: an int8 file left from an earlier export
   * is refused. Export writes it anew each time, so a changed calibration is never stale.
   */
  public static final class Int8 extends ModelVariant {

    public Int8() {
      super("int8");
    }

    @Override
    public void derive(ModelFiles float32, Calibration calibration) throws IOException {
      byte[] source = Files.readAllBytes(float32.verifiedOnnx());
      ModelProto model = ModelProto.parseFrom(source);
      try {
        ModelProto quantized = OnnxMetadata.with(QdqQuantizer.quantize(model, calibration), Map.of(
            ExportProvenance.VARIANT, id(),
            ExportProvenance.DERIVED_FROM_SHA256, Sha256.hex(source)));
        AtomicFiles.write(float32.as(this).onnx(), quantized.toByteArray());
      } catch (OrtException e) {
        throw new IOException(float32.onnx() + ": expected a float32 model ONNX Runtime runs, to"
            + " calibrate the int8 model on, found: " + e.getMessage() + ". Export it again:"
            + " archbench export --arch " + float32.spec().id(), e);
      }
    }

    @Override
    protected void requireDerivedFrom(ModelFiles files, Map<String, String> metadata)
        throws IOException {
      Path int8 = files.onnx();
      Path source = ModelVariants.float32().onnx(files.directory(), files.spec().id());
      String again = "Export it again: archbench export --arch " + files.spec().id();
      ModelFiles.requireFile(source, "the float32 export " + int8.getFileName()
          + " was derived from", again);
      String expected = Sha256.hex(source);
      String found = metadata.getOrDefault(ExportProvenance.DERIVED_FROM_SHA256, "none");
      if (!found.equals(expected)) {
        throw new IOException(int8 + ": expected the int8 model derived from " + source
            + " as it is now (sha256 " + ModelFiles.brief(expected) + "), found one derived from "
            + ModelFiles.brief(found) + ": the float32 file was exported again since, or one of"
            + " the two was copied from another model. " + again);
      }
      for (String setting : new String[] {QdqQuantizer.METHOD, QdqQuantizer.CALIBRATION_IMAGES}) {
        if (!metadata.containsKey(setting)) {
          throw new IOException(int8 + ": expected the int8 model's calibration settings in its"
              + " metadata (" + setting + "), found none: the file is damaged. " + again);
        }
      }
    }
  }
}
