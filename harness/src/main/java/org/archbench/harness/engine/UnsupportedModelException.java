package org.archbench.harness.engine;

import java.io.IOException;
import org.archbench.schema.engine.NotSupported;

/**
 * An engine that cannot run a model because the model uses an operator the engine lacks. The
 * model is sound (other engines run it): the stages record {@link #notSupported()} and go on with
 * the other engines.
 */
public final class UnsupportedModelException extends IOException {

  private final NotSupported notSupported;

  public UnsupportedModelException(NotSupported notSupported, String model, Throwable cause) {
    super(notSupported.engine() + ": cannot run " + model + ": it has no "
        + notSupported.operator() + " operator. The other engines run this model; leave "
        + notSupported.engine() + " out for it (--engines) or export a model without "
        + notSupported.operator() + ".", cause);
    this.notSupported = notSupported;
  }

  /** What the results record in place of the figures. */
  public NotSupported notSupported() {
    return notSupported;
  }
}
