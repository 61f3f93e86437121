package org.archbench.harness.training;

import org.archbench.schema.training.TrainingKey;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.harness.Failures;
import org.archbench.harness.model.ModelFiles;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.archbench.schema.io.AtomicFiles;
import org.archbench.schema.io.FileSystemReasons;
import org.archbench.schema.io.JsonFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One checkpoint per finished epoch: the weights (DJL format), Adam's moments and the run's state,
 * written into a temporary directory that is renamed into place only when complete. A process killed
 * at any moment leaves the previous checkpoint intact, and at most a temporary directory that is
 * ignored and removed by the next save.
 */
final class Checkpoints {

  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

  private static final String PREFIX = "epoch-";
  private static final String OPTIMIZER = "adam.ndlist";
  private static final String STATE = "state.json";

  private final Path directory;
  private final String modelName;

  Checkpoints(Path directory, String modelName) {
    this.directory = directory;
    this.modelName = modelName;
  }

  /**
   * Saves the state after {@code state.epochsDone()} epochs, then removes older checkpoints.
   *
   * @throws IOException if a file cannot be written (a full disk, say), naming it; the previous
   *     checkpoint is then kept
   */
  void save(Model model, Adam adam, CheckpointState state) throws IOException {
    AtomicFiles.createDirectories(directory);
    int epochs = state.epochsDone();
    Path target = directory.resolve(String.format(Locale.ROOT, PREFIX + "%04d", epochs));
    Path staging = AtomicFiles.createStagingDirectory(directory);
    // The file being written, as it is named once in place: DJL's and the file system's errors
    // name none.
    Path writing = target.resolve(String.format(Locale.ROOT, "%s-%04d.params", modelName, epochs));
    try {
      model.setProperty("Epoch", String.valueOf(epochs));
      model.save(staging, modelName);
      writing = target.resolve(OPTIMIZER);
      AtomicFiles.write(staging.resolve(OPTIMIZER), adam.state().encode());
      writing = target.resolve(STATE);
      JsonFiles.write(staging.resolve(STATE), state);
      writing = target;
      AtomicFiles.deleteRecursively(target);
      AtomicFiles.move(staging, target);
    } catch (IOException e) {
      throw new IOException(writing + ": expected to save the checkpoint of epoch " + epochs
          + ", found the file system refusing (" + reason(e) + "); the previous"
          + " checkpoint is kept. Free space on that disk (or choose another --out) and train"
          + " again with --resume", e);
    } finally {
      AtomicFiles.deleteRecursively(staging);
    }
    for (Path old : checkpointDirectories()) {
      if (!old.equals(target)) {
        AtomicFiles.deleteRecursively(old);
      }
    }
  }

  /**
   * Why the file system refused a write: the innermost cause's reason, e.g. "No space left on
   * device", without the staging path a wrapper names.
   */
  private static String reason(IOException failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root instanceof IOException io ? FileSystemReasons.of(io) : Failures.describe(root);
  }

  /** The state of the newest complete checkpoint of the run {@code key}, if any. */
  Optional<CheckpointState> latest(TrainingKey key) throws IOException {
    List<Path> saved = checkpointDirectories();
    if (saved.isEmpty()) {
      return Optional.empty();
    }
    CheckpointState state;
    try {
      state = JsonFiles.read(saved.get(saved.size() - 1).resolve(STATE), CheckpointState.class);
    } catch (IOException unreadable) {
      // Written by an older archbench, or damaged: not this run's checkpoint, but say why not.
      LOG.warn("not resuming from {}: {}", saved.get(saved.size() - 1), unreadable.getMessage());
      return Optional.empty();
    }
    return state.key().equals(key) ? Optional.of(state) : Optional.empty();
  }

  /**
   * Loads the weights and moments of the checkpoint after {@code epochsDone} epochs.
   *
   * @throws IOException if any of its files does not load (truncated, or not DJL's), naming the
   *     checkpoint and what to do
   */
  void restore(Model model, Adam adam, int epochsDone) throws IOException {
    Path saved = directory.resolve(String.format(Locale.ROOT, PREFIX + "%04d", epochsDone));
    try {
      model.load(saved, modelName);
      ModelFiles.requireEveryParameterLoaded(model.getBlock());
      // Loaded arrays are plain tensors: learned ones must take gradients again.
      for (Parameter parameter : model.getBlock().getParameters().values()) {
        if (parameter.requiresGradient()) {
          parameter.getArray().setRequiresGradient(true);
        }
      }
      try (NDList state =
          NDList.decode(model.getNDManager(), Files.readAllBytes(saved.resolve(OPTIMIZER)))) {
        adam.restore(state, model.getNDManager());
      }
    } catch (IOException | MalformedModelException | RuntimeException e) {
      throw new IOException(saved + ": expected a complete checkpoint (DJL parameters and "
          + OPTIMIZER + "), found one that does not load (" + Failures.describe(e) + "). Delete"
          + " that directory to resume from scratch, or train without --resume", e);
    }
  }

  /** Removes every checkpoint: the run is complete, or starts afresh. */
  void clear() throws IOException {
    AtomicFiles.deleteRecursively(directory);
  }

  private List<Path> checkpointDirectories() throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(path -> path.getFileName().toString().startsWith(PREFIX))
          .sorted(Comparator.comparing(path -> path.getFileName().toString()))
          .toList();
    }
  }
}
