package org.archbench.app.cli;

import org.archbench.schema.OutputLayout;
import java.nio.file.Path;
import org.archbench.harness.Defaults;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.data.DatasetLocator;
import org.archbench.harness.data.IdxDatasets;
import org.archbench.harness.data.LoadedDataset;
import picocli.CommandLine.Option;

/** The options of every subcommand that reads the dataset, and the loading they configure. */
final class DataOptions {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Directory holding the four IDX files (raw or .gz); the only place looked at"
          + " when given. Default: $FASHION_MNIST_DIR, ~/.cache/archbench/<dataset>, then the"
          + " Debian package's directory, then a download into the cache.")
  private Path dataDirectory;

  @Option(
      names = "--dataset",
      paramLabel = "ID",
      defaultValue = Defaults.DATASET,
      completionCandidates = RegisteredIds.DatasetIds.class,
      description = "Which registered IDX dataset: ${COMPLETION-CANDIDATES} (default:"
          + " ${DEFAULT-VALUE}).")
  private String datasetId;

  @Option(
      names = "--download",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Download the official files into the cache when no local copy is found"
          + " (default: ${DEFAULT-VALUE}).")
  private boolean download;

  private String loadedFingerprint;

  /** Finds, verifies and reads the dataset. */
  LoadedDataset load() throws DatasetException {
    DatasetLocator.Builder locator =
        DatasetLocator.builder(IdxDatasets.byId(datasetId)).optDataDirectory(dataDirectory);
    if (!download) {
      locator.optDownloader(null);
    }
    LoadedDataset loaded = locator.build().load();
    loadedFingerprint = loaded.fingerprint();
    return loaded;
  }

  /**
   * Where this dataset's run lies under {@code output}: the output directory itself for the default
   * dataset, datasets/&lt;id&gt;/ under it for any other.
   */
  OutputLayout layout(OutputLayout output) {
    return IdxDatasets.runOf(output, datasetId);
  }

  /** The fingerprint of the dataset {@link #load} read, for the run's provenance; null before. */
  String loadedFingerprint() {
    return loadedFingerprint;
  }
}
