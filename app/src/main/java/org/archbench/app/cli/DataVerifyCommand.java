package org.archbench.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.archbench.harness.Defaults;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.data.IdxDataset;
import org.archbench.harness.data.LabeledImages;
import org.archbench.harness.data.LoadedDataset;
import org.archbench.harness.data.PlaceTried;
import org.archbench.harness.data.StratifiedSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archbench data verify}: finds the dataset, checks every file against its published SHA-256,
 * and prints where it was found and how many images each split and class holds.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Find the dataset, verify its checksums, and print the image counts per split and class.",
      "Exits non-zero if the dataset is missing, truncated, or not the official one."
    })
final class DataVerifyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DataOptions data;

  @Option(
      names = "--seed",
      defaultValue = "" + Defaults.SEED,
      description = "Seed of the train/validation split (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public Integer call() throws DatasetException {
    LoadedDataset loaded = data.load();
    print(loaded, loaded.trainValidationSplit(seed), spec.commandLine().getOut());
    return 0;
  }

  private void print(LoadedDataset loaded, StratifiedSplit split, PrintWriter out) {
    IdxDataset dataset = loaded.dataset();
    out.printf(Locale.ROOT, "%s found in %s (%s)%n", dataset.displayName(), loaded.directory(),
        loaded.origin());
    out.println("Places tried, in order:");
    for (PlaceTried place : loaded.placesTried()) {
      out.println("  - " + place);
    }
    out.println("Checksums verified (SHA-256 of the uncompressed content):");
    for (LoadedDataset.VerifiedFile file : loaded.verifiedFiles()) {
      out.printf(Locale.ROOT, "  %-28s %s  OK%n", file.file().getFileName(), file.sha256());
    }
    int classes = dataset.classCount();
    int[] trainCounts = loaded.train().classCounts(classes);
    int[] testCounts = loaded.test().classCounts(classes);
    int[] splitTrainCounts = countLabels(loaded.train(), split.trainIndices(), classes);
    int[] validationCounts = countLabels(loaded.train(), split.validationIndices(), classes);
    out.printf(Locale.ROOT, "Images: train %,d, test %,d (%dx%d)%n", loaded.train().count(),
        loaded.test().count(), dataset.rows(), dataset.cols());
    out.printf(Locale.ROOT, "Split of train (seed %d, stratified): train %,d / validation %,d%n",
        seed, split.trainSize(), split.validationSize());
    out.printf(Locale.ROOT, "  %-2s %-12s %8s %8s %12s %12s%n", "#", "class", "train", "test",
        "split-train", "validation");
    for (int c = 0; c < classes; c++) {
      out.printf(Locale.ROOT, "  %-2d %-12s %,8d %,8d %,12d %,12d%n", c, dataset.classNames().get(c),
          trainCounts[c], testCounts[c], splitTrainCounts[c], validationCounts[c]);
    }
    out.flush();
  }

  private static int[] countLabels(LabeledImages images, int[] indices, int classes) {
    int[] counts = new int[classes];
    for (int index : indices) {
      counts[images.label(index)]++;
    }
    return counts;
  }
}
