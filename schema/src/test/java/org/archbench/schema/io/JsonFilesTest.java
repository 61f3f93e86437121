package org.archbench.schema.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonFilesTest {

  @ResultFormat(file = "things/<arch>.json", major = 2, minor = 3)
  record Thing(String arch, double accuracy) {}

  @TempDir Path directory;

  @Test
  void aResultFileStartsWithItsFormatVersionAndReadsBack() throws IOException {
    Path file = directory.resolve("things/mlp.json");

    JsonFiles.write(file, new Thing("mlp", 0.9));

    assertTrue(Files.readString(file).startsWith("{\n  \"formatVersion\" : \"2.3\",\n  \"arch\""),
        Files.readString(file));
    assertEquals(new Thing("mlp", 0.9), JsonFiles.readStrictly(file, Thing.class));
  }

  @Test
  void anOlderOrUnversionedFileReads() throws IOException {
    Path older = Files.writeString(directory.resolve("older.json"),
        "{\"formatVersion\": \"1.7\", \"arch\": \"cnn\", \"accuracy\": 0.5}");
    Path unversioned = Files.writeString(directory.resolve("unversioned.json"),
        "{\"arch\": \"cnn\", \"accuracy\": 0.5}");

    assertEquals(new Thing("cnn", 0.5), JsonFiles.read(older, Thing.class));
    assertEquals(new Thing("cnn", 0.5), JsonFiles.read(unversioned, Thing.class));
  }

  @Test
  void aNewerMinorVersionWithAnUnknownFieldReads() throws IOException {
    Path newer = Files.writeString(directory.resolve("newer.json"),
        "{\"formatVersion\": \"2.9\", \"arch\": \"cnn\", \"accuracy\": 0.5, \"added\": 1}");

    assertEquals(new Thing("cnn", 0.5), JsonFiles.read(newer, Thing.class));
  }

  @Test
  void aNewerMajorVersionIsRefusedNamingTheFileAndBothVersions() throws IOException {
    Path newer = Files.writeString(directory.resolve("newer.json"),
        "{\"formatVersion\": \"3.0\", \"arch\": \"cnn\", \"accuracy\": 0.5}");

    IOException refused = assertThrows(IOException.class, () -> JsonFiles.read(newer, Thing.class));

    assertEquals(newer + ": expected things/<arch>.json of format version 2.x or older (what this"
        + " archbench reads), found version 3.0, written by a newer archbench. Read it with that"
        + " archbench, or run the stage that writes it again with this one.", refused.getMessage());
  }

  @Test
  void aStrictReadRefusesARenamedField() throws IOException {
    Path renamed = Files.writeString(directory.resolve("renamed.json"),
        "{\"formatVersion\": \"2.3\", \"arch\": \"cnn\", \"acc\": 0.5}");

    IOException refused =
        assertThrows(IOException.class, () -> JsonFiles.readStrictly(renamed, Thing.class));

    // Either the unknown "acc" or the missing "accuracy": both mean writer and record drifted.
    assertTrue(refused.getMessage().startsWith(renamed + ": expected a Thing as JSON")
        && (refused.getMessage().contains("acc")), refused.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"2", "\"44444444444444444444.5\""})
  void aDamagedVersionIsNamed(String version) throws IOException {
    // The second, a major version beyond an int, was found by the fuzzer.
    Path damaged = Files.writeString(directory.resolve("damaged.json"),
        "{\"formatVersion\": " + version + ", \"arch\": \"cnn\", \"accuracy\": 0.5}");

    IOException refused = assertThrows(IOException.class, () -> JsonFiles.read(damaged, Thing.class));

    assertTrue(refused.getMessage().startsWith(damaged + ": expected formatVersion MAJOR.MINOR"),
        refused.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"'', an empty file", "null, null"})
  void anEmptyFileIsNotANullRecord(String content, String found) throws IOException {
    // Found by the fuzzer: Jackson reads both as a null record, and key.json's reader fell over it.
    Path empty = Files.writeString(directory.resolve("empty.json"), content);

    IOException refused = assertThrows(IOException.class, () -> JsonFiles.read(empty, Thing.class));

    assertEquals(empty + ": expected a Thing as JSON, found " + found
        + ". Run the stage that writes it again.", refused.getMessage());
  }

  record Run(String machine, List<Thing> things, @MayBeAbsent Integer epochsTo90) {}

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"things\": [], \"epochsTo90\": 3} | machine",
      "{\"machine\": \"m\", \"things\": [{\"accuracy\": 0.5}]} | things[0].arch",
      "{\"machine\": \"m\", \"things\": [null]} | things[0]"})
  void aMissingOrNullFieldIsNamed(String content, String field) throws IOException {
    // Found by the fuzzer: the report fell over a robustness file's null condition.
    Path file = Files.writeString(directory.resolve("run.json"), content);

    IOException refused = assertThrows(IOException.class, () -> JsonFiles.read(file, Run.class));

    assertEquals(file + ": expected a Run with every field, found " + field + " missing or null."
        + " The file is damaged or was edited: run the stage that writes it again.",
        refused.getMessage());
  }

  @Test
  void aFieldMarkedMayBeAbsentMayBeMissing() throws IOException {
    Path file = Files.writeString(
        directory.resolve("run.json"), "{\"machine\": \"m\", \"things\": []}");

    assertEquals(new Run("m", List.of(), null), JsonFiles.read(file, Run.class));
  }
}
