package org.archbench.harness.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.OutputLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code archbench check}'s look into the model directories: each file is the model's own. */
class ModelCheckTest {

  @TempDir Path out;

  private OutputLayout exportedWithInt8() throws IOException {
    OutputLayout layout = new OutputLayout(out);
    Path directory = layout.modelDirectory("mlp");
    ModelFixtures.writeExported(directory, Architectures.MLP);
    ModelFixtures.writeInt8(directory);
    return layout;
  }

  @Test
  void theFilesOfASoundDirectoryAreCheckedWithoutAProblem() throws IOException {
    OutputLayout layout = exportedWithInt8();

    ModelCheck.Result result = ModelCheck.of(layout, List.of("mlp", "cnn"), ModelVariants.all());

    assertEquals(List.of(), result.problems());
    assertEquals(4, result.filesChecked(), "arch.json, key.json and both ONNX files");
  }

  @Test
  void anInt8FileCopiedOverTheFloat32FileIsFound() throws IOException {
    OutputLayout layout = exportedWithInt8();
    Path directory = layout.modelDirectory("mlp");
    Files.copy(directory.resolve("mlp.int8.onnx"), directory.resolve("mlp.onnx"),
        StandardCopyOption.REPLACE_EXISTING);

    ModelCheck.Result result = ModelCheck.of(layout, List.of("mlp"), ModelVariants.all());

    // The int8 file is no longer derived from the float32 file beside it, either.
    assertEquals(2, result.problems().size(), result.problems().toString());
    assertEquals(directory.resolve("mlp.onnx") + ": expected the fp32 model of mlp, found the int8"
        + " model (its metadata says so): it was copied over this variant's file. Export it again:"
        + " archbench export --arch mlp", result.problems().get(0));
  }
}
