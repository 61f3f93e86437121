package org.archbench.harness.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One place the dataset was looked for, and what was found there. Every dataset error lists them all.
 *
 * @param origin where the place came from, e.g. {@code --data / -Dbench.data} or {@code $FASHION_MNIST_DIR}
 * @param location the directory or URL, when the origin named one
 * @param outcome what was found, e.g. {@code not set}, {@code no such directory}, {@code selected}
 */
public record PlaceTried(String origin, Optional<String> location, String outcome) {

  public PlaceTried {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(outcome, "outcome");
  }

  static PlaceTried at(String origin, Path directory, String outcome) {
    return new PlaceTried(origin, Optional.of(directory.toString()), outcome);
  }

  static PlaceTried unset(String origin) {
    return new PlaceTried(origin, Optional.empty(), "not set");
  }

  @Override
  public String toString() {
    return origin + location.map(place -> " " + place).orElse("") + ": " + outcome;
  }
}
