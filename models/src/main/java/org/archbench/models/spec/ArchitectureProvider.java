package org.archbench.models.spec;

import java.util.List;

/**
 * Registers architectures beyond the canonical five: implement it, and name the class in
 * META-INF/services/org.archbench.models.spec.ArchitectureProvider (a {@link java.util.ServiceLoader}
 * registration). Each spec needs a unique id; nothing else in archbench changes.
 */
public interface ArchitectureProvider {

  /** The architectures this provider adds. */
  List<ArchitectureSpec> architectures();
}
