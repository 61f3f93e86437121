package org.archbench.harness.model;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.harness.export.Calibration;
import org.archbench.harness.export.QdqQuantizer;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.io.AtomicFiles;
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
  }

  /**
   * The float32 export quantized to int8 in QDQ form ({@link QdqQuantizer}): models/&lt;arch&gt;/
   * &lt;arch&gt;.int8.onnx, with the float32 file's provenance and the calibration it was made with in
   * its metadata. Export writes it anew each time, so a changed calibration is never stale.
   */
  public static final class Int8 extends ModelVariant {

    public Int8() {
      super("int8");
    }

    @Override
    public void derive(ModelFiles float32, Calibration calibration) throws IOException {
      ModelProto model = ModelProto.parseFrom(Files.readAllBytes(float32.verifiedOnnx()));
      try {
        ModelProto quantized = QdqQuantizer.quantize(model, calibration);
        AtomicFiles.write(float32.as(this).onnx(), quantized.toByteArray());
      } catch (OrtException e) {
        throw new IOException(float32.onnx() + ": expected a float32 model ONNX Runtime runs, to"
            + " calibrate the int8 model on, found: " + e.getMessage() + ". Export it again:"
            + " archbench export --arch " + float32.spec().id(), e);
      }
    }
  }
}
