package org.archbench.schema;

/**
 * The ids of model variants that results name without the variant's class (harness registers the
 * variants themselves): a result written before variants were recorded is of the float32 model.
 */
public final class ModelVariantIds {

  /** The float32 model training writes: the variant every engine runs. */
  public static final String FLOAT32 = "fp32";

  private ModelVariantIds() {}
}
