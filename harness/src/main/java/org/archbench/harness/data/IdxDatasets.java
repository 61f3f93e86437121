package org.archbench.harness.data;

import org.archbench.schema.OutputLayout;
import org.archbench.harness.Defaults;
import org.archbench.schema.registry.Registry;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The registry of IDX datasets: Fashion-MNIST, and any other a {@link DatasetProvider} registers
 * (its files, checksums, image size, class names, and where to look for it).
 */
public final class IdxDatasets {

  /**
   * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60,000 training and 10,000 test images of 28x28
   * grey-scale clothing, 10 classes. Checksums are of the uncompressed official files.
   */
  public static final IdxDataset FASHION_MNIST =
      new IdxDataset(
          "fashion-mnist",
          "Fashion-MNIST",
          List.of(
              "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
              "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
          28,
          28,
          new IdxFileSpec(
              "train-images-idx3-ubyte",
              "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
              60_000),
          new IdxFileSpec(
              "train-labels-idx1-ubyte",
              "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
              60_000),
          new IdxFileSpec(
              "t10k-images-idx3-ubyte",
              "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
              10_000),
          new IdxFileSpec(
              "t10k-labels-idx1-ubyte",
              "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
              10_000),
          "FASHION_MNIST_DIR",
          Optional.of("dataset-fashion-mnist"),
          Path.of("/usr/share/datasets/fashion-mnist"),
          URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
          // T-shirt/top, Trouser, Pullover, Sandal, Bag: the target half keeps Dress, Coat, Shirt
          // (the classes most often confused with each other), Sneaker and Ankle boot.
          List.of(0, 1, 2, 5, 8));

  private IdxDatasets() {}

  /** Every registered dataset: Fashion-MNIST, then those of every {@link DatasetProvider}. */
  public static List<IdxDataset> all() {
    return registry().all();
  }

  /** Every registered dataset's id. */
  public static List<String> ids() {
    return registry().ids();
  }

  /** The registered dataset with this id; the message lists the known ids otherwise. */
  public static IdxDataset byId(String id) {
    return registry().byId(id);
  }

  /**
   * Where the run of dataset {@code id} lies in the output directory {@code output}: the directory
   * itself for the default dataset (also when {@code id} is blank), datasets/&lt;id&gt;/ in it for any
   * other registered one.
   *
   * @throws IllegalArgumentException naming the known ids, for an unknown one
   */
  public static OutputLayout runOf(OutputLayout output, String id) {
    String dataset = id == null || id.isBlank() ? Defaults.DATASET : byId(id).id();
    return dataset.equals(Defaults.DATASET) ? output : output.dataset(dataset);
  }

  private static Registry<IdxDataset> registry() {
    return Registry.withServices("dataset", List.of(FASHION_MNIST), DatasetProvider.class,
        DatasetProvider::datasets, IdxDataset::id);
  }
}
