package org.archbench.harness.engine;

import org.archbench.schema.registry.Registered;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelVariant;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.engine.NotSupported;

/**
 * One inference runtime archbench measures, known by the id used on the command line, in JMH's
 * parameters and in every result. An engine is one class that extends this, registered in
 * META-INF/services/org.archbench.harness.engine.EngineKind ({@link java.util.ServiceLoader}); the
 * CLI's defaults, the benchmark parameters and {@code check} list every registered one
 * ({@link Engines}).
 */
public abstract class EngineKind extends Registered {

  protected EngineKind(String id) {
    super(id);
  }

  /**
   * Loads the model of {@code files} into a new engine of this kind.
   *
   * @throws IOException if a model file is missing or corrupt, naming it
   */
  public abstract InferenceEngine open(ModelFiles files, EngineSettings settings)
      throws IOException;

  /**
   * Starts the native runtime (loads and initialises its libraries) without a model, the first part
   * of a cold start; a no-op once started in this process.
   *
   * @return the runtime's version
   */
  public abstract String startRuntime();

  /**
   * Fails if this engine lacks an operator of the model of {@code files}, without loading it to
   * run: the benchmarks leave such a pair out before JMH starts. Engines that run every operator
   * the exporter writes need not override it.
   *
   * @throws UnsupportedModelException naming the operator
   * @throws IOException if the model file is missing or corrupt
   */
  public void requireSupported(ModelFiles files) throws IOException {}

  /**
   * The model file an engine of this kind opened on {@code files} loads, which its results record
   * the hash of: the variant's ONNX file, unless the engine loads another format.
   *
   * @throws IOException if the directory cannot be listed
   */
  public Path loads(ModelFiles files) throws IOException {
    return files.onnx();
  }

  /**
   * Fails unless every file this engine loads for the model of {@code files} is there and is the
   * model's: the variant's ONNX file ({@link ModelFiles#verifiedOnnx}) by default. A stage that
   * hands the model to other processes (the benchmarks' JMH forks) asks this first, so that a file
   * an engine cannot load is one message before any work, not a stack trace from a fork.
   *
   * @throws IOException naming the file, what was expected and what to do
   */
  public void requireLoadable(ModelFiles files) throws IOException {
    files.verifiedOnnx();
  }

  /** Whether this engine can run the artifact of {@code variant}; every variant by default. */
  public boolean runs(ModelVariant variant) {
    return true;
  }

  /**
   * Why this engine cannot run the model of {@code files}, if it cannot: a variant it does not
   * run, or an operator of the model it lacks ({@link #requireSupported}). Asked before a stage
   * loads the model, so that the pair is recorded as not supported and the stage goes on.
   *
   * @throws IOException if the model file is missing or corrupt
   */
  public final Optional<NotSupported> whyNot(ModelFiles files) throws IOException {
    String variant = files.variant().id();
    if (!runs(files.variant())) {
      return Optional.of(new NotSupported(files.spec().id(), id(), variant,
          "the " + variant + " model", id() + " does not run " + variant + " models"));
    }
    try {
      requireSupported(files);
      return Optional.empty();
    } catch (UnsupportedModelException e) {
      return Optional.of(e.notSupported());
    }
  }
}
