package org.archbench.harness.model;

import org.archbench.schema.registry.Registered;
import java.nio.file.Path;

/**
 * One artifact of a trained model, apart from the runtime that runs it: the float32 export today,
 * a quantized one tomorrow. A variant is one class that extends this, registered in
 * META-INF/services/org.archbench.harness.model.ModelVariant ({@link ModelVariants}); engines say
 * which variants they run ({@code EngineKind.runs}).
 */
public abstract class ModelVariant extends Registered {

  protected ModelVariant(String id) {
    super(id);
  }

  /** The variant's ONNX file in the model directory {@code directory} of {@code arch}. */
  public abstract Path onnx(Path directory, String arch);

  /** Whether this is the float32 model training wrote, whose DJL parameters every engine can load. */
  public final boolean isFloat32() {
    return id().equals(ModelVariants.FLOAT32);
  }

  /** The float32 model as trained: models/&lt;arch&gt;/&lt;arch&gt;.onnx and the DJL parameters. */
  public static final class Float32 extends ModelVariant {

    public Float32() {
      super(ModelVariants.FLOAT32);
    }

    @Override
    public Path onnx(Path directory, String arch) {
      return directory.resolve(arch + ".onnx");
    }
  }
}
