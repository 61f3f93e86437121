package org.archbench.harness.model;

import java.util.List;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.registry.Registry;

/** The registered model variants: every {@link ModelVariant} named in a META-INF/services file. */
public final class ModelVariants {

  private ModelVariants() {}

  /** Every registered variant, float32 first. */
  public static List<ModelVariant> all() {
    return registry().all();
  }

  /** Every registered variant's id. */
  public static List<String> ids() {
    return registry().ids();
  }

  /** The variant with this id; the message lists the known ids otherwise. */
  public static ModelVariant byId(String id) {
    return registry().byId(id);
  }

  /** The float32 model. */
  public static ModelVariant float32() {
    return byId(ModelVariantIds.FLOAT32);
  }

  private static Registry<ModelVariant> registry() {
    return Registry.withServices("model variant", List.of(), ModelVariant.class, List::of,
        ModelVariant::id);
  }
}
