package org.archbench.schema;

/**
 * The ids of model variants that results name without the variant's class (harness registers the
 * variants themselves): a result written before variants were recorded is of the float32 model.
 */
public final class ModelVariantIds {

  /** The float32 model training writes: the variant every engine runs. */
  public static final String FLOAT32 = "fp32";

  private ModelVariantIds() {}

  /**
   * The stem of the files of {@code variant} of {@code arch}: the arch for float32 ({@code cnn}),
   * else the arch and the variant ({@code cnn.int8}). Models, predictions and robustness results
   * are named after it.
   */
  public static String stem(String arch, String variant) {
    return variant.equals(FLOAT32) ? arch : arch + "." + variant;
  }

  /**
   * How tables and summaries name the model: {@code cnn} for the float32 model of {@code arch},
   * {@code cnn int8} for another variant.
   */
  public static String model(String arch, String variant) {
    return variant.equals(FLOAT32) ? arch : arch + " " + variant;
  }

  /** The architecture of a {@link #stem}: {@code cnn} for both {@code cnn} and {@code cnn.int8}. */
  public static String archOf(String stem) {
    int dot = stem.indexOf('.');
    return dot < 0 ? stem : stem.substring(0, dot);
  }

  /** The variant of a {@link #stem}: {@code int8} for {@code cnn.int8}, float32 for {@code cnn}. */
  public static String variantOf(String stem) {
    int dot = stem.indexOf('.');
    return dot < 0 ? FLOAT32 : stem.substring(dot + 1);
  }
}
