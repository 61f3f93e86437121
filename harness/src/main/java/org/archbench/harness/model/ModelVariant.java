package org.archbench.harness.model;

import java.nio.file.Path;

/**
 * One artifact of a trained model, apart from the runtime that runs it: the float32 export today,
 * a quantized one tomorrow. A variant is one class that extends this, registered in
 * META-INF/services/org.archbench.harness.model.ModelVariant ({@link ModelVariants}); engines say
 * which variants they run ({@code EngineKind.runs}).
 *
 * <p>Two variants are equal when their ids are.
 */
public abstract class ModelVariant {

  private final String id;

  protected ModelVariant(String id) {
    this.id = id;
  }

  /** The id on the command line, in JMH's parameters and in results, e.g. {@code fp32}. */
  public final String id() {
    return id;
  }

  /** The variant's ONNX file in the model directory {@code directory} of {@code arch}. */
  public abstract Path onnx(Path directory, String arch);

  /** Whether this is the float32 model training wrote, whose DJL parameters every engine can load. */
  public final boolean isFloat32() {
    return id.equals(ModelVariants.FLOAT32);
  }

  @Override
  public final boolean equals(Object other) {
    return other instanceof ModelVariant variant && variant.id.equals(id);
  }

  @Override
  public final int hashCode() {
    return id.hashCode();
  }

  @Override
  public final String toString() {
    return id;
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
