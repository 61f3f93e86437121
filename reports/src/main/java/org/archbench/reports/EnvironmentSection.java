package org.archbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Environment and provenance: the machine, the software, the data and the wall time per stage. */
final class EnvironmentSection {

  private EnvironmentSection() {}

  static Section build(RunResults run) {
    Section section = new Section("environment", "Environment and provenance");
    List<List<Object>> rows = new ArrayList<>();
    List<List<Object>> stages = new ArrayList<>();
    if (run.run().isPresent()) {
      JsonNode manifest = run.run().get();
      manifest.fields().forEachRemaining(field -> {
        if (!field.getKey().equals("stages")) {
          flatten(field.getKey(), field.getValue(), rows);
        }
      });
      manifest.path("stages").fields().forEachRemaining(stage -> stages.add(Arrays.asList(
          stage.getKey(), Json.text(stage.getValue(), "status"),
          Json.number(stage.getValue(), "seconds"), Json.text(stage.getValue(), "finishedAt"))));
    } else {
      section.missing("run.json (written by the pipeline: machine, preset and wall time per stage)");
    }
    run.evaluations().values().stream().findFirst().ifPresent(evaluation -> {
      rows.add(Arrays.asList("archbench version", Json.text(evaluation, "archbenchVersion")));
      rows.add(Arrays.asList("git commit", Json.text(evaluation, "gitCommit")));
      rows.add(Arrays.asList("dataset SHA-256", Json.text(evaluation, "datasetSha256")));
      for (JsonNode engine : evaluation.path("engines")) {
        rows.add(Arrays.asList("engine " + engine.path("engine").asText(),
            Json.text(engine, "version")));
      }
    });
    run.jmh().flatMap(jmh -> jmh.records().stream().findFirst()).ifPresent(record -> {
      JsonNode node = record.node();
      rows.add(Arrays.asList("JMH", Json.text(node, "jmhVersion")));
      rows.add(Arrays.asList("benchmark JVM", Json.text(node, "vmName") + " "
          + Json.text(node, "vmVersion") + " (JDK " + Json.text(node, "jdkVersion") + ")"));
    });
    section.table(new Table("environment", "Provenance", List.of(
        Table.Column.text("key", "What"), Table.Column.text("value", "Value")), rows));
    if (!stages.isEmpty()) {
      section.table(new Table("stages", "Wall time per stage", List.of(
          Table.Column.text("stage", "Stage"), Table.Column.text("status", "Status"),
          Table.Column.number("seconds", "Seconds", "%.1f"),
          Table.Column.text("finished_at", "Finished")), stages));
    }
    return section;
  }

  private static void flatten(String prefix, JsonNode node, List<List<Object>> rows) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(),
            rows);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(prefix + "[" + i + "]", node.get(i), rows);
      }
    } else {
      rows.add(Arrays.asList(prefix, node.isNull() ? null : node.asText()));
    }
  }
}
