package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.fuzz.NamedFailures;
import org.archbench.schema.io.JsonFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with one result file fuzzed, the others intact: {@code report} renders a page or fails with
 * an IOException naming a file of the run, {@code check} lists problems and never throws, and
 * neither writes anywhere but the report's directory.
 *
 * <p>{@link #resultFile} takes any bytes: the first line names the file, relative to the run
 * (another name picks one by its hash), the rest is its content. {@link #resultValue} edits values
 * of a file that stays valid JSON. {@code mvn verify} replays {@code HtmlReportFuzzTestInputs/}:
 * each file of the fixture run as it is, and what fuzzing found; {@code JAZZER_FUZZ=1} fuzzes.
 */
class HtmlReportFuzzTest {

  @TempDir static Path root;
  private static Path run;
  private static Path out;
  private static List<Path> files;

  @BeforeAll
  static void copyTheFixtureRun() throws IOException {
    run = Fixtures.copy(root.resolve("run"));
    out = root.resolve("report");
    files = Stream.concat(jsonFiles(), Stream.of(new OutputLayout(run).runManifest()))
        .distinct().sorted().toList();
  }

  private static Stream<Path> jsonFiles() throws IOException {
    try (Stream<Path> walk = Files.walk(run)) {
      return walk.filter(file -> file.toString().endsWith(".json")).toList().stream();
    }
  }

  @FuzzTest(maxDuration = "60s")
  @Timeout(30)
  void resultFile(byte[] input) throws IOException {
    int newline = indexOf(input, (byte) '\n');
    String name = new String(input, 0, newline, StandardCharsets.UTF_8);
    Path file = files.stream().filter(path -> run.relativize(path).toString().equals(name))
        .findFirst().orElse(files.get(Math.floorMod(name.hashCode(), files.size())));
    renderWith(file, Arrays.copyOfRange(input, Math.min(newline + 1, input.length), input.length));
  }

  /**
   * One to three values of one result file replaced (by null, a number, a string, a boolean, an
   * empty array or object) or removed, the file valid JSON otherwise: where byte mutations mostly
   * break the syntax, this reaches what the report does with values it did not expect.
   */
  @FuzzTest(maxDuration = "60s")
  @Timeout(30)
  void resultValue(FuzzedDataProvider data) throws IOException {
    List<Path> existing = files.stream().filter(Files::exists).toList();
    Path file = existing.get(data.consumeInt(0, existing.size() - 1));
    JsonNode tree = JsonFiles.mapper().readTree(file.toFile());
    int edits = data.consumeInt(1, 3);
    for (int i = 0; i < edits; i++) {
      List<JsonNode> containers = new ArrayList<>();
      collectContainers(tree, containers);
      JsonNode container = containers.get(data.consumeInt(0, containers.size() - 1));
      if (container.isEmpty()) {
        continue;
      }
      int slot = data.consumeInt(0, container.size() - 1);
      JsonNode value = replacement(data);
      if (container instanceof ObjectNode object) {
        String field = fieldNames(object).get(slot);
        if (value == null) {
          object.remove(field);
        } else {
          object.set(field, value);
        }
      } else if (container instanceof ArrayNode array) {
        if (value == null) {
          array.remove(slot);
        } else {
          array.set(slot, value);
        }
      }
    }
    renderWith(file, JsonFiles.mapper().writeValueAsBytes(tree));
  }

  /** A value of any JSON type, or null for "remove it". */
  private static JsonNode replacement(FuzzedDataProvider data) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return switch (data.consumeInt(0, 8)) {
      case 0 -> null;
      case 1 -> nodes.nullNode();
      case 2 -> nodes.numberNode(data.consumeDouble());
      case 3 -> nodes.numberNode(data.consumeLong());
      case 4 -> nodes.numberNode(data.consumeInt(-2, 2));
      case 5 -> nodes.textNode(data.consumeString(40));
      case 6 -> nodes.booleanNode(data.consumeBoolean());
      case 7 -> nodes.arrayNode();
      default -> nodes.objectNode();
    };
  }

  private static void collectContainers(JsonNode node, List<JsonNode> containers) {
    if (node.isContainerNode()) {
      containers.add(node);
      node.forEach(child -> collectContainers(child, containers));
    }
  }

  private static List<String> fieldNames(ObjectNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Renders the report and checks the run with {@code file} holding {@code content}, then puts the
   * file back as it was.
   */
  private static void renderWith(Path file, byte[] content) throws IOException {
    byte[] original = Files.exists(file) ? Files.readAllBytes(file) : null;
    Files.write(file, content);
    List<String> before = listing();
    try {
      try {
        HtmlReport.write(run, out, null);
      } catch (IOException | IllegalArgumentException e) {
        NamedFailures.requireNamed(e, run);
      }
      RunCheck.of(run, List.of("mlp", "cnn"), List.of("onnxruntime", "pytorch"));
      assertEquals(before, listing(), "report and check write only into the report's directory");
    } finally {
      if (original == null) {
        Files.delete(file);
      } else {
        Files.write(file, original);
      }
    }
  }

  private static int indexOf(byte[] bytes, byte value) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return bytes.length;
  }

  /** Every path under the fixture's root but the report's own directory. */
  private static List<String> listing() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(path -> !path.startsWith(out)).map(Path::toString).sorted().toList();
    }
  }
}
