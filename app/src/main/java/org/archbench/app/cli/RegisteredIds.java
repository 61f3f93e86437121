package org.archbench.app.cli;

import java.util.Iterator;
import org.archbench.harness.data.IdxDatasets;
import org.archbench.harness.engine.Engines;
import org.archbench.harness.model.ModelVariants;
import org.archbench.models.spec.Architectures;

/**
 * The registered ids as picocli completion candidates, so every option's help lists what is
 * registered ({@code ${COMPLETION-CANDIDATES}}) rather than a list written into an annotation.
 */
final class RegisteredIds {

  private RegisteredIds() {}

  /** Every registered engine. */
  static final class EngineIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Engines.ids().iterator();
    }
  }

  /** Every registered architecture. */
  static final class ArchIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Architectures.ids().iterator();
    }
  }

  /** Every registered model variant. */
  static final class VariantIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ModelVariants.ids().iterator();
    }
  }

  /** Every registered dataset. */
  static final class DatasetIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return IdxDatasets.ids().iterator();
    }
  }
}
