package org.archbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.archbench.schema.io.JsonFiles;

/**
 * Holds a result file the production writers just wrote against the report's fixture of the same
 * file (reports/src/test/resources/fixture-run): it must read strictly as its record, and every
 * field it has must be a field of the fixture. A record component renamed or added on the writer's
 * side fails here until the fixtures are written again (the reports module's FixtureFormatTest,
 * with -Dgolden.update=true), so the report can never be tested against a format nobody writes.
 */
public final class ReportFixtures {

  /** Objects whose field names are data (stage names, corruption ids), not part of the format. */
  private static final Set<String> MAPS = Set.of("stages", "corruptionErrors");

  private static final Path FIXTURE_RUN = Path.of("../reports/src/test/resources/fixture-run");

  private ReportFixtures() {}

  /** Asserts that {@code written}, read as {@code type}, has only the fields of {@code fixture}. */
  public static void assertFitsFixture(Path written, Class<?> type, String fixture)
      throws IOException {
    JsonFiles.readStrictly(written, type);
    Set<String> writtenFields = fields(JsonFiles.mapper().readTree(written.toFile()));
    Set<String> fixtureFields =
        fields(JsonFiles.mapper().readTree(FIXTURE_RUN.resolve(fixture).toFile()));
    Set<String> unknown = new TreeSet<>(writtenFields);
    unknown.removeAll(fixtureFields);
    assertEquals(Set.of(), unknown, written + " has fields the report's fixture " + fixture
        + " lacks: rewrite the fixtures through the writer (FixtureFormatTest, -Dgolden.update=true)");
  }

  private static Set<String> fields(JsonNode root) {
    Set<String> fields = new TreeSet<>();
    collect("", root, fields);
    return fields;
  }

  private static void collect(String path, JsonNode node, Set<String> fields) {
    if (node.isObject()) {
      String name = path.substring(path.lastIndexOf('.') + 1);
      node.fields().forEachRemaining(field -> {
        String child = path + "." + (MAPS.contains(name) ? "*" : field.getKey());
        fields.add(child);
        collect(child, field.getValue(), fields);
      });
    } else if (node.isArray()) {
      node.forEach(element -> collect(path + "[]", element, fields));
    }
  }
}
