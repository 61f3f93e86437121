package org.archbench.schema.training;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.archbench.schema.io.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingKeyTest {

  @TempDir Path directory;

  /** An empty key.json once ended in a NullPointerException far from the file. */
  @Test
  void anEmptyKeyIsRefusedNamingTheFileAndWhatToDo() throws IOException {
    Path key = Files.writeString(directory.resolve("key.json"), "{}");

    IOException refused = assertThrows(IOException.class,
        () -> JsonFiles.read(key, TrainingKey.class));

    String message = refused.getMessage();
    assertTrue(message.startsWith(key + ": expected a TrainingKey as JSON"), message);
    assertTrue(message.contains("expected a training key with arch, found none"), message);
    assertTrue(message.contains("archbench train --force"), message);
  }
}
