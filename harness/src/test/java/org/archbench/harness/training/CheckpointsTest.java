package org.archbench.harness.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelFixtures;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.Architectures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint that cannot be written says which file, why, and keeps the previous one. */
class CheckpointsTest {

  @TempDir Path checkpoints;

  /** {@code model}, except that saving it fails as a full disk makes DJL's writer fail. */
  private static Model onAFullDisk(Model model) {
    return (Model) Proxy.newProxyInstance(Model.class.getClassLoader(), new Class<?>[] {Model.class},
        (proxy, method, arguments) -> {
          if (method.getName().equals("save")) {
            throw new IOException("No space left on device");
          }
          try {
            return method.invoke(model, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Test
  void aFullDiskNamesTheFileAndKeepsThePreviousCheckpoint() throws IOException {
    Checkpoints saved = new Checkpoints(checkpoints, "mlp");
    CheckpointState first = new CheckpointState(ModelFixtures.key(Architectures.MLP, 1), 1, 10, null);
    try (Model model = Model.newInstance("mlp", Device.cpu(), ModelFiles.DJL_ENGINE)) {
      model.setBlock(DjlBlocks.build(Architectures.MLP));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
          DjlBlocks.inputShape(Architectures.MLP, 1));
      Adam adam = new Adam(0);
      saved.save(model, adam, first);

      IOException error = assertThrows(IOException.class, () -> saved.save(onAFullDisk(model),
          adam, new CheckpointState(first.key(), 2, 20, null)));

      assertEquals(checkpoints.resolve("epoch-0002/mlp-0002.params") + ": expected to save the"
          + " checkpoint of epoch 2, found the file system refusing (No space left on device); the"
          + " previous checkpoint is kept. Free space on that disk (or choose another --out) and"
          + " train again with --resume", error.getMessage());
    }
    try (Stream<Path> left = Files.list(checkpoints)) {
      assertEquals(List.of(checkpoints.resolve("epoch-0001")), left.toList());
    }
  }
}
