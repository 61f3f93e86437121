package org.archbench.harness.data;

import java.util.List;

/**
 * Registers IDX datasets beyond Fashion-MNIST: implement it, and name the class in
 * META-INF/services/org.archbench.harness.data.DatasetProvider ({@link java.util.ServiceLoader}).
 * Each dataset names its four files with their SHA-256 and counts, its image size, its class names
 * and the places it is looked for.
 */
public interface DatasetProvider {

  /** The datasets this provider adds. */
  List<IdxDataset> datasets();
}
