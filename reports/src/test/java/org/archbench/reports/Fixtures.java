package org.archbench.reports;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The fixture run: result files of a real standard run of mlp and cnn (eval, training, robustness,
 * imbalance, stats) with a smoke JMH run of mlp, and no run.json or flame graphs, so that some parts
 * are missing as they would be after a partial run.
 */
final class Fixtures {

  private Fixtures() {}

  static Path run() {
    try {
      return Path.of(Fixtures.class.getResource("/fixture-run").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A writable copy of the fixture run under {@code directory}. */
  static Path copy(Path directory) throws IOException {
    Path source = run();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = directory.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return directory;
  }

  /** The expected file {@code name} under golden/, or the actual one written there on -Dgolden.update. */
  static String golden(String name, String actual) throws IOException {
    Path source = Path.of("src/test/resources/golden").resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(source.getParent());
      Files.writeString(source, actual);
    }
    return Files.readString(source);
  }
}
