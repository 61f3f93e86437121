package org.archbench.reports;

import org.archbench.schema.jmh.JmhResults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The result files of one run directory (DESIGN.md, "Output layout"), read as JSON trees. A file
 * that is absent is empty here, never zero: the report shows it as missing. A file that exists but
 * does not parse is an error naming it.
 *
 * @param directory the run's output directory
 * @param run run.json
 * @param training training/&lt;arch&gt;.json by arch
 * @param evaluations eval/&lt;arch&gt;.json by arch
 * @param robustness robustness/&lt;arch&gt;.json by arch
 * @param imbalance imbalance/&lt;arch&gt;.json by arch
 * @param statistics stats.json
 * @param jmh jmh/results.json
 */
public record RunResults(
    Path directory,
    Optional<JsonNode> run,
    Map<String, JsonNode> training,
    Map<String, JsonNode> evaluations,
    Map<String, JsonNode> robustness,
    Map<String, JsonNode> imbalance,
    Optional<JsonNode> statistics,
    Optional<JmhResults> jmh) {

  /** The canonical order of the architectures; others follow alphabetically. */
  private static final List<String> CANONICAL = List.of("mlp", "cnn", "secnn", "resnet", "vgg");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads every result file under {@code directory}.
   *
   * @throws IOException if the directory does not exist, or a result file is not valid JSON
   */
  public static RunResults read(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new IOException(directory + ": expected a run's output directory (e.g. target/bench),"
          + " found no such directory. Run mvn verify -Pbench, or pass --in DIR.");
    }
    Optional<JsonNode> jmhTree = file(directory.resolve("jmh/results.json"));
    return new RunResults(directory, file(directory.resolve("run.json")),
        perArch(directory.resolve("training")), perArch(directory.resolve("eval")),
        perArch(directory.resolve("robustness")), perArch(directory.resolve("imbalance")),
        file(directory.resolve("stats.json")), jmhTree.map(JmhResults::of));
  }

  /** Every architecture any result file names, canonical ones first. */
  public List<String> archs() {
    Set<String> found = new java.util.TreeSet<>();
    found.addAll(training.keySet());
    found.addAll(evaluations.keySet());
    found.addAll(robustness.keySet());
    found.addAll(imbalance.keySet());
    jmh.ifPresent(results -> results.records().stream()
        .map(r -> r.param("arch")).filter(a -> !a.isEmpty()).forEach(found::add));
    Set<String> ordered = new LinkedHashSet<>();
    CANONICAL.stream().filter(found::contains).forEach(ordered::add);
    ordered.addAll(found);
    return new ArrayList<>(ordered);
  }

  /** Every engine any evaluation or benchmark names, in first-seen order. */
  public List<String> engines() {
    Set<String> found = new LinkedHashSet<>();
    for (JsonNode evaluation : evaluations.values()) {
      evaluation.path("engines").forEach(engine -> found.add(engine.path("engine").asText()));
    }
    jmh.ifPresent(results -> results.records().stream()
        .map(r -> r.param("engine")).filter(e -> !e.isEmpty()).forEach(found::add));
    return new ArrayList<>(found);
  }

  /** The evaluation of {@code arch} on {@code engine}, if both ran. */
  public Optional<JsonNode> evaluation(String arch, String engine) {
    JsonNode evaluation = evaluations.get(arch);
    if (evaluation == null) {
      return Optional.empty();
    }
    for (JsonNode entry : evaluation.path("engines")) {
      if (entry.path("engine").asText().equals(engine)) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  private static Optional<JsonNode> file(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(file.toFile()));
    } catch (IOException e) {
      throw new IOException(file + ": expected a JSON result file, found one that does not parse: "
          + e.getMessage(), e);
    }
  }

  private static Map<String, JsonNode> perArch(Path directory) throws IOException {
    Map<String, JsonNode> byArch = new TreeMap<>();
    if (!Files.isDirectory(directory)) {
      return byArch;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString();
        byArch.put(name.substring(0, name.length() - ".json".length()), file(file).orElseThrow());
      }
    }
    return byArch;
  }
}
