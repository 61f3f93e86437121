package org.archbench.benchmarks;

import org.archbench.harness.model.ModelVariants;
import org.archbench.harness.model.ModelVariant;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.Engines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.harness.Defaults;
import org.archbench.schema.OutputLayout;
import org.archbench.harness.data.DatasetException;
import org.archbench.harness.data.DatasetLocator;
import org.archbench.harness.data.IdxDatasets;
import org.archbench.harness.data.IdxReader;
import org.archbench.harness.data.IdxFormatException;
import org.archbench.harness.data.IdxArray;
import org.archbench.harness.data.IdxWriter;
import org.archbench.harness.data.LabeledImages;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.harness.engine.ImageBatch;
import org.archbench.harness.engine.InferenceEngine;
import org.archbench.harness.model.ModelFiles;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.models.complexity.Complexity;
import org.archbench.models.spec.Architectures;

/**
 * What every benchmark fork needs: the exported models under {@code -Dbench.out} (default
 * target/bench), the real test images as input, and the device of {@code -Dbench.device}.
 *
 * <p>The inputs are the first {@value LoadedModel#MAX_BATCH} official test images. The first fork
 * that needs them finds and verifies the dataset and keeps them in jmh/inputs-idx3-ubyte.gz; every
 * later fork reads that small file instead of loading all 70,000 images again (about a second a
 * fork, and a run makes a hundred forks or more).
 */
final class BenchmarkModels {

  /** The output directory whose models/ the benchmarks read. */
  static final String OUT_PROPERTY = "bench.out";
  /** The dataset directory, as for the CLI; blank searches the usual places. */
  static final String DATA_PROPERTY = "bench.data";
  /** Which registered dataset the inputs come from; blank for the default. */
  static final String DATASET_PROPERTY = "bench.dataset";
  /** cpu or gpu. */
  static final String DEVICE_PROPERTY = "bench.device";

  private static float[] inputs;
  private static int pixelsPerImage;

  private BenchmarkModels() {}

  /** Opens {@code variant} of {@code arch}'s exported model on {@code engine}. */
  static InferenceEngine open(String engine, String arch, String variant, EngineSettings settings) {
    EngineKind kind = Engines.byId(BenchmarkParameters.require(BenchmarkParameters.ENGINE, engine));
    ModelVariant artifact =
        ModelVariants.byId(BenchmarkParameters.require(BenchmarkParameters.VARIANT, variant));
    if (!kind.runs(artifact)) {
      throw new IllegalArgumentException(engine + " does not run the " + variant + " model: leave"
          + " the pair out with -p engine=... or -p variant=...");
    }
    try {
      return kind.open(files(arch).as(artifact), settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ModelFiles files(String arch) throws IOException {
    String id =
        Architectures.byId(BenchmarkParameters.require(BenchmarkParameters.ARCH, arch)).id();
    return ModelFiles.in(layout().modelDirectory(id));
  }

  static OutputLayout layout() {
    String out = System.getProperty(OUT_PROPERTY, "");
    return new OutputLayout(Path.of(out.isBlank() ? Defaults.OUTPUT_DIRECTORY : out));
  }

  /** All cores within an operator, on the device of -Dbench.device. */
  static EngineSettings settings() {
    return withIntraOpThreads(Runtime.getRuntime().availableProcessors());
  }

  static EngineSettings withIntraOpThreads(int threads) {
    EngineSettings defaults = EngineSettings.cpuDefaults();
    ComputeDevice device = ComputeDevice.byId(System.getProperty(DEVICE_PROPERTY));
    return new EngineSettings(device, threads, defaults.interOpThreads(), defaults.optimization());
  }

  /** A batch of the first {@code size} test images, in a direct buffer reused for every call. */
  static ImageBatch batchOfTestImages(int size) {
    float[] pixels = inputs();
    return ImageBatch.allocate(size, pixelsPerImage).fill(pixels, size);
  }

  /** Logits per image of {@code arch}. */
  static int classes(String arch) {
    return Architectures.byId(arch).classes();
  }

  /** Floating-point operations of one image through {@code arch}: 2 x MACs. */
  static long flopsPerImage(String arch) {
    return Complexity.of(Architectures.byId(arch)).flops();
  }

  private static synchronized float[] inputs() {
    if (inputs == null) {
      Path file = layout().benchmarkInputs();
      try {
        IdxArray cached = writeInputs(file, System.getProperty(DATASET_PROPERTY, ""),
            System.getProperty(DATA_PROPERTY, ""));
        int[] dimensions = cached.dimensions();
        inputs = IdxWriter.readImages(file, dimensions[0], dimensions[1], dimensions[2]);
        pixelsPerImage = dimensions[1] * dimensions[2];
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return inputs;
  }

  /** The cached inputs, or null if there are none or they are damaged (then they are rebuilt). */
  static IdxArray readCachedInputs(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return IdxReader.read(file, 3);
    } catch (IdxFormatException damaged) {
      System.err.println(damaged.getMessage() + "\nwriting it again from the dataset");
      return null;
    }
  }

  /**
   * The inputs file {@code file} (the first test images of {@code dataset}, from {@code data} or
   * the usual places), written unless it is there and sound. The stage writes it before its forks
   * start, so that they only read it.
   */
  static IdxArray writeInputs(Path file, String dataset, String data) throws IOException {
    IdxArray cached = readCachedInputs(file);
    if (cached == null) {
      LabeledImages first = loadTestImages(dataset, data).first(LoadedModel.MAX_BATCH);
      IdxWriter.writeImages(file, first.pixels(), first.count(), first.rows(), first.cols());
      cached = IdxReader.read(file, 3);
    }
    return cached;
  }

  private static LabeledImages loadTestImages(String dataset, String data) {
    DatasetLocator.Builder locator = DatasetLocator.builder(
        IdxDatasets.byId(dataset.isBlank() ? Defaults.DATASET : dataset));
    if (!data.isBlank()) {
      locator.optDataDirectory(Path.of(data));
    }
    try {
      return locator.build().load().test();
    } catch (DatasetException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
