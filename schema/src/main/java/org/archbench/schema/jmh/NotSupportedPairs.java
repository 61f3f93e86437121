package org.archbench.schema.jmh;

import java.util.List;
import org.archbench.schema.engine.NotSupported;
import org.archbench.schema.io.ResultFormat;

/**
 * jmh/not-supported.json: the architecture, engine and variant pairs the benchmarks left out
 * because the engine lacks an operator of the model. Written by every benchmark stage, empty when
 * every engine ran every model.
 *
 * @param pairs one entry per pair left out
 */
@ResultFormat(file = "jmh/not-supported.json")
public record NotSupportedPairs(List<NotSupported> pairs) {

  /** An absent list reads as empty. */
  public NotSupportedPairs {
    pairs = pairs == null ? List.of() : List.copyOf(pairs);
  }
}
