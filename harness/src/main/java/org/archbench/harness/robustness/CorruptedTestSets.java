package org.archbench.harness.robustness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.archbench.harness.Seeds;
import org.archbench.harness.data.IdxWriter;
import org.archbench.harness.data.LabeledImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The corrupted copies of the test set, generated once and kept on disk (robustness/sets/) so that
 * every architecture and engine is evaluated on exactly the same images, as ImageNet-C recommends.
 * Each set is an IDX file of bytes, like the dataset itself; the labels are the test set's.
 */
public final class CorruptedTestSets {

  private static final Logger LOG = LoggerFactory.getLogger(CorruptedTestSets.class);

  private final Path directory;
  private final LabeledImages test;
  private final long seed;

  /**
   * @param directory where the sets are kept
   * @param test the clean test set
   * @param seed the master seed; each set and image derives its own
   */
  public CorruptedTestSets(Path directory, LabeledImages test, long seed) {
    this.directory = directory;
    this.test = test;
    this.seed = seed;
  }

  /** One corruption at one severity. */
  public record Condition(Corruption corruption, int severity) {

    /** Every corruption at every severity, in declaration order. */
    public static List<Condition> all() {
      List<Condition> conditions = new ArrayList<>();
      for (Corruption corruption : Corruption.values()) {
        for (int severity = 1; severity <= corruption.severities(); severity++) {
          conditions.add(new Condition(corruption, severity));
        }
      }
      return conditions;
    }
  }

  /** The file of one set. */
  public Path file(Condition condition) {
    return directory.resolve(String.format(Locale.ROOT, "%s-%d-images-idx3-ubyte.gz",
        condition.corruption().id(), condition.severity()));
  }

  /** The corrupted images of {@code condition}, generated and written first if not on disk yet. */
  public float[] images(Condition condition) throws IOException {
    Path file = file(condition);
    if (!Files.isRegularFile(file)) {
      IdxWriter.writeImages(file, generate(condition), test.count(), test.rows(), test.cols());
      LOG.debug("Wrote {}", file);
    }
    return IdxWriter.readImages(file, test.count(), test.rows(), test.cols());
  }

  private float[] generate(Condition condition) {
    long setSeed = Seeds.derive(seed, condition.corruption().id() + "/" + condition.severity());
    int pixels = test.pixelsPerImage();
    float[] all = test.pixels();
    float[] out = new float[all.length];
    float[] image = new float[pixels];
    for (int i = 0; i < test.count(); i++) {
      System.arraycopy(all, i * pixels, image, 0, pixels);
      float[] corrupted = condition.corruption().apply(image, test.rows(), test.cols(),
          condition.severity(), Seeds.derive(setSeed, "image-" + i));
      System.arraycopy(corrupted, 0, out, i * pixels, pixels);
    }
    return out;
  }
}
