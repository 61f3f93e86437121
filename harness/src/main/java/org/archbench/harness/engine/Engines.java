package org.archbench.harness.engine;

import java.util.List;
import org.archbench.schema.registry.Registry;

/**
 * The registered engines: every {@link EngineKind} named in a META-INF/services file on the class
 * path, archbench's own first (onnxruntime, pytorch, djl-onnxruntime, opencv), in the order of those files.
 */
public final class Engines {

  /** The engine every model trains on, and so the one that evaluates further seeds and studies. */
  public static final String TRAINING_ENGINE = "pytorch";

  private Engines() {}

  /** Every registered engine. */
  public static List<EngineKind> all() {
    return registry().all();
  }

  /** Every registered engine's id. */
  public static List<String> ids() {
    return registry().ids();
  }

  /** The engine with this id; the message lists the known ids otherwise. */
  public static EngineKind byId(String id) {
    return registry().byId(id);
  }

  private static Registry<EngineKind> registry() {
    return Registry.withServices("engine", List.of(), EngineKind.class, List::of, EngineKind::id);
  }
}
