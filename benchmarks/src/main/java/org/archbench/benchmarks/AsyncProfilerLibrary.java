package org.archbench.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * async-profiler's native library, unpacked from its Maven artifact (on the classpath) so that JMH's
 * {@code -prof async:libPath=...} can load it: no separate install.
 */
final class AsyncProfilerLibrary {

  private AsyncProfilerLibrary() {}

  /**
   * Unpacks the library for this OS and CPU into {@code directory}.
   *
   * @return its path, or empty where the artifact has no build for this platform
   */
  static Optional<Path> unpack(Path directory) throws IOException {
    Optional<String> resource = resourceForThisPlatform();
    if (resource.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = AsyncProfilerLibrary.class.getClassLoader().getResourceAsStream(resource.get())) {
      if (in == null) {
        return Optional.empty();
      }
      Files.createDirectories(directory);
      Path library = directory.resolve("libasyncProfiler.so");
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(library);
    }
  }

  private static Optional<String> resourceForThisPlatform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return Optional.of("macos/libasyncProfiler.so");
    }
    if (!os.contains("linux")) {
      return Optional.empty();
    }
    return switch (arch) {
      case "amd64", "x86_64" -> Optional.of("linux-x64/libasyncProfiler.so");
      case "aarch64", "arm64" -> Optional.of("linux-arm64/libasyncProfiler.so");
      default -> Optional.empty();
    };
  }
}
