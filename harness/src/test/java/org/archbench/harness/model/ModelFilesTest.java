package org.archbench.harness.model;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;

import org.archbench.schema.io.Sha256;

import org.archbench.schema.training.ParamsProvenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.archbench.harness.engine.Engines;
import org.archbench.harness.export.ExportProvenance;
import org.archbench.harness.export.OnnxMetadata;
import org.archbench.harness.export.QdqQuantizer;
import org.archbench.models.djl.DjlBlocks;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.Architectures;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.training.TrainingKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model directory is read only when arch.json, key.json and the ONNX file's provenance agree. */
class ModelFilesTest {

  @TempDir Path models;

  /** models/&lt;arch&gt;/ with arch.json, key.json and an export of freshly initialised parameters. */
  private Path exported(ArchitectureSpec spec) throws IOException {
    Path directory = models.resolve(spec.id());
    ModelFixtures.writeExported(directory, spec);
    return directory;
  }

  @Test
  void agreeingFilesAreRead() throws IOException {
    ModelFiles files = ModelFiles.in(exported(Architectures.MLP));

    assertEquals(files.onnx(), files.verifiedOnnx());
    assertEquals("mlp", files.key().arch());
  }

  @Test
  void aMissingKeyIsNamed() throws IOException {
    Path directory = exported(Architectures.MLP);
    Files.delete(directory.resolve(OutputLayout.KEY_FILE));

    IOException error = assertThrows(IOException.class, () -> ModelFiles.in(directory));

    assertTrue(error.getMessage().startsWith(directory.resolve("key.json")
        + ": expected the key of a trained model, found no such file"), error.getMessage());
  }

  @Test
  void anEditedSpecIsRefusedBeforeAnyUse() throws IOException {
    Path directory = exported(Architectures.MLP);
    Path spec = directory.resolve(OutputLayout.SPEC_FILE);
    String original = Files.readString(spec);
    String edited = original.replaceFirst("\"outFeatures\"\\s*:\\s*\\d+", "\"outFeatures\": 1000000000");
    assertNotEquals(original, edited, "the edit took");
    Files.writeString(spec, edited);

    IOException error = assertThrows(IOException.class, () -> ModelFiles.in(directory));

    assertTrue(error.getMessage().startsWith(spec + ": expected the spec key.json says the model was"
        + " trained on (mlp, sha256 "), error.getMessage());
    assertTrue(error.getMessage().endsWith("Train it again: archbench train --arch mlp --force"),
        error.getMessage());
  }

  @Test
  void anOnnxFileCopiedFromAnotherModelIsRefused() throws IOException {
    Path mlp = exported(Architectures.MLP);
    Path cnn = exported(Architectures.CNN);
    Files.copy(mlp.resolve("mlp.onnx"), cnn.resolve("cnn.onnx"), StandardCopyOption.REPLACE_EXISTING);
    ModelFiles files = ModelFiles.in(cnn);

    IOException error = assertThrows(IOException.class, files::verifiedOnnx);

    assertTrue(error.getMessage().startsWith(cnn.resolve("cnn.onnx") + ": expected the export of the"
        + " model in " + cnn + " (cnn, training key sha256 "), error.getMessage());
    assertTrue(error.getMessage().contains("found one of mlp with training key"), error.getMessage());
    assertTrue(error.getMessage().endsWith("Export it again: archbench export --arch cnn"),
        error.getMessage());
  }

  @Test
  void anExportOfParametersSinceRetrainedIsRefused() throws IOException {
    Path directory = exported(Architectures.MLP);
    JsonFiles.write(directory.resolve(OutputLayout.KEY_FILE), ModelFixtures.key(Architectures.MLP, 2));
    ModelFiles files = ModelFiles.in(directory);

    IOException error = assertThrows(IOException.class, files::verifiedOnnx);

    assertTrue(error.getMessage().contains("exported before the model was trained again"),
        error.getMessage());
  }

  @Test
  void anInt8FileCopiedOverTheFloat32FileIsRefusedByTheEngines() throws IOException {
    Path directory = exported(Architectures.MLP);
    ModelFixtures.writeInt8(directory);
    Files.copy(directory.resolve("mlp.int8.onnx"), directory.resolve("mlp.onnx"),
        StandardCopyOption.REPLACE_EXISTING);
    ModelFiles files = ModelFiles.in(directory);

    IOException error = assertThrows(IOException.class,
        () -> Engines.byId("onnxruntime").open(files, EngineSettings.cpuDefaults()).close());

    assertEquals(directory.resolve("mlp.onnx") + ": expected the fp32 model of mlp, found the int8"
        + " model (its metadata says so): it was copied over this variant's file. Export it again:"
        + " archbench export --arch mlp", error.getMessage());
  }

  @Test
  void aFloat32FileCopiedOverTheInt8FileIsRefused() throws IOException {
    Path directory = exported(Architectures.MLP);
    ModelFixtures.writeInt8(directory);
    Files.copy(directory.resolve("mlp.onnx"), directory.resolve("mlp.int8.onnx"),
        StandardCopyOption.REPLACE_EXISTING);
    ModelFiles int8 = ModelFiles.in(directory).as(ModelVariants.byId("int8"));

    IOException error = assertThrows(IOException.class, int8::verifiedOnnx);

    assertTrue(error.getMessage().startsWith(directory.resolve("mlp.int8.onnx")
        + ": expected the int8 model of mlp, found the fp32 model"), error.getMessage());
  }

  @Test
  void anInt8FileDerivedFromAnEarlierFloat32ExportIsRefused() throws IOException {
    Path directory = exported(Architectures.MLP);
    ModelFixtures.writeInt8(directory);
    String derivedFrom = Sha256.hex(directory.resolve("mlp.onnx"));
    ModelFixtures.writeExported(directory, Architectures.MLP);
    assertNotEquals(derivedFrom, Sha256.hex(directory.resolve("mlp.onnx")), "exported anew");
    ModelFiles int8 = ModelFiles.in(directory).as(ModelVariants.byId("int8"));

    IOException error = assertThrows(IOException.class, int8::verifiedOnnx);

    assertTrue(error.getMessage().startsWith(directory.resolve("mlp.int8.onnx")
        + ": expected the int8 model derived from " + directory.resolve("mlp.onnx")
        + " as it is now"), error.getMessage());
    assertTrue(error.getMessage().endsWith("Export it again: archbench export --arch mlp"),
        error.getMessage());
  }

  @Test
  void anInt8FileNamesItsSourceAndCalibration() throws IOException {
    Path directory = exported(Architectures.MLP);
    ModelFixtures.writeInt8(directory);
    ModelFiles int8 = ModelFiles.in(directory).as(ModelVariants.byId("int8"));

    Map<String, String> metadata = OnnxMetadata.read(int8.verifiedOnnx());

    assertEquals("int8", metadata.get(ExportProvenance.VARIANT));
    assertEquals(Sha256.hex(directory.resolve("mlp.onnx")),
        metadata.get(ExportProvenance.DERIVED_FROM_SHA256));
    assertEquals("min-max", metadata.get(QdqQuantizer.METHOD));
    assertEquals("8", metadata.get(QdqQuantizer.CALIBRATION_IMAGES));
  }

  /** models/&lt;arch&gt;/ as training saves it: freshly initialised parameters under {@code key}. */
  private Path saved(String name, ArchitectureSpec spec, TrainingKey key) throws IOException {
    Path directory = models.resolve(name);
    try (Model model = Model.newInstance(spec.id(), Device.cpu(), ModelFiles.DJL_ENGINE)) {
      model.setBlock(DjlBlocks.build(spec));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32,
          DjlBlocks.inputShape(spec, 1));
      new ModelStore(directory).save(model, spec, key, 1);
    }
    return directory;
  }

  @Test
  void savedParametersLoad() throws IOException {
    Path directory = saved("seed-1", Architectures.MLP, ModelFixtures.key(Architectures.MLP, 1));

    ModelFiles.in(directory).loadDjlModel(Device.cpu()).close();
  }

  @Test
  void aModelSavedBeforeTheKeyGainedAFieldStillVerifiesAndIsReused() throws IOException {
    TrainingKey key = ModelFixtures.key(Architectures.MLP, 1);
    Path directory = saved("seed-1", Architectures.MLP, key);
    // key.json and params.json as an archbench whose training config had no classSubset wrote them.
    Path keyFile = directory.resolve(OutputLayout.KEY_FILE);
    String older = Files.readString(keyFile).replaceAll(
        ",\\s*\"classSubset\"\\s*:\\s*\\{[^}]*\\}", "");
    assertFalse(older.contains("classSubset"));
    Files.writeString(keyFile, older);
    Path provenance = directory.resolve(OutputLayout.PARAMS_PROVENANCE_FILE);
    ParamsProvenance saved = JsonFiles.read(provenance, ParamsProvenance.class);
    JsonFiles.write(provenance, new ParamsProvenance(saved.file(), saved.sha256(),
        Sha256.hex(older.getBytes(StandardCharsets.UTF_8))));

    ModelFiles.in(directory).loadDjlModel(Device.cpu()).close();
    assertTrue(new ModelStore(directory).holds(key), "the same key, read with its default");
  }

  @Test
  void aParameterFileCopiedFromAnotherSeedIsRefused() throws IOException {
    Path first = saved("seed-1", Architectures.MLP, ModelFixtures.key(Architectures.MLP, 1));
    Path second = saved("seed-2", Architectures.MLP, ModelFixtures.key(Architectures.MLP, 2));
    Files.copy(second.resolve("mlp-0001.params"), first.resolve("mlp-0001.params"),
        StandardCopyOption.REPLACE_EXISTING);
    ModelFiles files = ModelFiles.in(first);

    IOException error = assertThrows(IOException.class, () -> files.loadDjlModel(Device.cpu()));

    assertTrue(error.getMessage().startsWith(first.resolve("mlp-0001.params")
        + ": expected the parameters training saved (sha256 "), error.getMessage());
    assertTrue(error.getMessage().endsWith("copied from another model, or damaged. Train it again:"
        + " archbench train --arch mlp --force"), error.getMessage());
  }

  @Test
  void aParameterFileBesideTheOneTrainingSavedIsRefused() throws IOException {
    Path directory = saved("seed-1", Architectures.MLP, ModelFixtures.key(Architectures.MLP, 1));
    Files.copy(directory.resolve("mlp-0001.params"), directory.resolve("mlp-0009.params"));

    IOException error = assertThrows(IOException.class,
        () -> ModelFiles.in(directory).loadDjlModel(Device.cpu()));

    assertTrue(error.getMessage().startsWith(directory + ": expected one DJL parameter file,"
        + " mlp-0001.params (what training saved, as params.json says), found [mlp-0001.params,"
        + " mlp-0009.params]."), error.getMessage());
  }

  @Test
  void anotherTrainingsParametersWithParamsJsonDeletedAreRefused() throws IOException {
    Path first = saved("seed-1", Architectures.MLP, ModelFixtures.key(Architectures.MLP, 1));
    Path second = saved("seed-2", Architectures.MLP, ModelFixtures.key(Architectures.MLP, 2));
    Files.copy(second.resolve("mlp-0001.params"), first.resolve("mlp-0001.params"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.delete(first.resolve(OutputLayout.PARAMS_PROVENANCE_FILE));
    ModelFiles files = ModelFiles.in(first);

    IOException error = assertThrows(IOException.class, () -> files.loadDjlModel(Device.cpu()));

    assertEquals(first.resolve("params.json") + ": expected the record of the parameters training"
        + " saved, which every model directory whose key.json is of format 1.1 or later has (this"
        + " one's is), found no such file: it was deleted, and the parameters cannot be told from"
        + " another model's. Train it again: archbench train --arch mlp --force",
        error.getMessage());
  }

  @Test
  void aModelThatLostItsParamsJsonIsTrainedAgainNotReused() throws IOException {
    TrainingKey key = ModelFixtures.key(Architectures.MLP, 1);
    Path directory = saved("seed-1", Architectures.MLP, key);
    assertTrue(new ModelStore(directory).holds(key));

    Files.delete(directory.resolve(OutputLayout.PARAMS_PROVENANCE_FILE));

    assertFalse(new ModelStore(directory).holds(key));
  }

  @Test
  void aDirectoryFromBeforeParamsJsonLoadsItsParameters() throws IOException {
    Path directory = saved("seed-1", Architectures.MLP, ModelFixtures.key(Architectures.MLP, 1));
    Files.delete(directory.resolve(OutputLayout.PARAMS_PROVENANCE_FILE));
    // key.json as an archbench that wrote no params.json wrote it: format 1.0.
    Path keyFile = directory.resolve(OutputLayout.KEY_FILE);
    Files.writeString(keyFile, Files.readString(keyFile).replace("\"1.1\"", "\"1.0\""));
    assertFalse(new ModelStore(directory).keyPromisesParamsProvenance());

    try (Model model = ModelFiles.in(directory).loadDjlModel(Device.cpu())) {
      assertEquals(Architectures.MLP.id(), model.getName());
    }
  }
}
