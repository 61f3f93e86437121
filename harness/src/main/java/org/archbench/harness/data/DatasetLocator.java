package org.archbench.harness.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a dataset's files, verifies them and reads them. Places are looked at in this order:
 *
 * <ol>
 *   <li>the directory the user named ({@code -Dbench.data} / {@code --data});
 *   <li>the directory in the dataset's environment variable (e.g. {@code $FASHION_MNIST_DIR});
 *   <li>the user's cache, {@code ~/.cache/archbench/<id>};
 *   <li>the system directory the Debian/Ubuntu package installs (e.g. {@code
 *       /usr/share/datasets/fashion-mnist});
 *   <li>a download of the published files into the cache.
 * </ol>
 *
 * <p>A directory the user named is authoritative: if it lacks a file, that is an error, never a
 * silent fall-back to another copy. The cache and the system directory are used when they hold all
 * four files. Whichever directory is chosen, every file must match its registry entry exactly; a
 * mismatch is an error, not a reason to look elsewhere.
 */
public final class DatasetLocator {

  private static final Logger LOG = LoggerFactory.getLogger(DatasetLocator.class);

  static final String EXPLICIT_ORIGIN = "--data / -Dbench.data";

  private final IdxDataset dataset;
  private final Optional<Path> dataDirectory;
  private final Map<String, String> environment;
  private final Path cacheDirectory;
  private final Path systemDirectory;
  private final Optional<DatasetDownloader> downloader;

  private DatasetLocator(Builder builder) {
    this.dataset = builder.dataset;
    this.dataDirectory = builder.dataDirectory;
    this.environment = Map.copyOf(builder.environment);
    this.cacheDirectory = builder.home.resolve(".cache").resolve("archbench").resolve(dataset.id());
    this.systemDirectory = builder.systemDirectory.orElse(dataset.systemDirectory());
    this.downloader = builder.downloader;
  }

  /** A locator for {@code dataset} that reads this process's environment and home directory. */
  public static Builder builder(IdxDataset dataset) {
    return new Builder(dataset);
  }

  /**
   * Finds, verifies and reads the dataset.
   *
   * @throws DatasetException if no complete copy is found, or the chosen copy is not the official one
   */
  public LoadedDataset load() throws DatasetException {
    List<PlaceTried> placesTried = new ArrayList<>();
    Location chosen = locate(placesTried);
    return read(chosen, placesTried);
  }

  private Location locate(List<PlaceTried> placesTried) throws DatasetException {
    Optional<Location> named = userNamedDirectory(placesTried);
    if (named.isPresent()) {
      return named.get();
    }
    for (Location candidate :
        List.of(
            new Location("cache", cacheDirectory),
            new Location(
                dataset.debianPackage().map(name -> "Debian package " + name).orElse("system"),
                systemDirectory))) {
      List<String> missing = missingFiles(candidate.directory());
      if (missing.isEmpty()) {
        placesTried.add(PlaceTried.at(candidate.origin(), candidate.directory(), "selected"));
        return candidate;
      }
      placesTried.add(
          PlaceTried.at(candidate.origin(), candidate.directory(), describeAbsence(candidate, missing)));
    }
    return download(placesTried);
  }

  /** The directory of -Dbench.data / --data, else of the environment variable, if either is set. */
  private Optional<Location> userNamedDirectory(List<PlaceTried> placesTried)
      throws DatasetException {
    String variable = "$" + dataset.environmentVariable();
    Optional<Path> fromEnvironment =
        Optional.ofNullable(environment.get(dataset.environmentVariable()))
            .filter(value -> !value.isBlank())
            .map(Path::of);
    Location named;
    if (dataDirectory.isPresent()) {
      named = new Location(EXPLICIT_ORIGIN, dataDirectory.get());
    } else {
      placesTried.add(PlaceTried.unset(EXPLICIT_ORIGIN));
      if (fromEnvironment.isEmpty()) {
        placesTried.add(PlaceTried.unset(variable));
        return Optional.empty();
      }
      named = new Location(variable, fromEnvironment.get());
    }
    List<String> missing = missingFiles(named.directory());
    if (!missing.isEmpty()) {
      String absence = describeAbsence(named, missing);
      placesTried.add(PlaceTried.at(named.origin(), named.directory(), absence));
      throw new DatasetException(
          dataset,
          dataset.displayName() + " not found in the directory named by " + named.origin() + ": "
              + named.directory() + " " + absence,
          placesTried,
          null);
    }
    placesTried.add(PlaceTried.at(named.origin(), named.directory(), "selected"));
    return Optional.of(named);
  }

  private Location download(List<PlaceTried> placesTried) throws DatasetException {
    String origin = "download from " + dataset.downloadBase();
    if (downloader.isEmpty()) {
      placesTried.add(PlaceTried.at(origin, cacheDirectory, "downloads are turned off"));
      throw new DatasetException(
          dataset, dataset.displayName() + " not found, and downloading is turned off.", placesTried, null);
    }
    LOG.info(
        "{} not found locally; downloading the official files into {}",
        dataset.displayName(),
        cacheDirectory);
    for (IdxFileSpec spec : dataset.files()) {
      if (find(cacheDirectory, spec).isPresent()) {
        continue;
      }
      try {
        downloader
            .get()
            .download(
                dataset.downloadBase().resolve(spec.gzipName()),
                cacheDirectory.resolve(spec.gzipName()),
                downloaded -> IdxFileVerifier.verify(dataset, spec, downloaded));
      } catch (IOException e) {
        placesTried.add(PlaceTried.at(origin, cacheDirectory, "failed at " + spec.gzipName()));
        throw new DatasetException(
            dataset,
            "Download of " + dataset.downloadBase().resolve(spec.gzipName()) + " failed; nothing was"
                + " kept: " + e.getMessage(),
            placesTried,
            e);
      }
    }
    placesTried.add(PlaceTried.at(origin, cacheDirectory, "downloaded and selected"));
    return new Location(origin, cacheDirectory);
  }

  private LoadedDataset read(Location location, List<PlaceTried> placesTried)
      throws DatasetException {
    List<LoadedDataset.VerifiedFile> verified = new ArrayList<>();
    IdxArray[] arrays = new IdxArray[4];
    List<IdxFileSpec> files = dataset.files();
    for (int i = 0; i < files.size(); i++) {
      IdxFileSpec spec = files.get(i);
      Path file = find(location.directory(), spec).orElseThrow();
      try {
        arrays[i] = IdxFileVerifier.verify(dataset, spec, file);
      } catch (IOException e) {
        throw new DatasetException(
            dataset,
            dataset.displayName() + " file rejected: " + e.getMessage(),
            placesTried,
            e);
      }
      verified.add(new LoadedDataset.VerifiedFile(file, arrays[i].sha256(), arrays[i].itemCount()));
    }
    return new LoadedDataset(
        dataset,
        location.directory(),
        location.origin(),
        placesTried,
        verified,
        LabeledImages.fromBytes(dataset.rows(), dataset.cols(), arrays[0].data(), arrays[1].data()),
        LabeledImages.fromBytes(dataset.rows(), dataset.cols(), arrays[2].data(), arrays[3].data()));
  }

  private List<String> missingFiles(Path directory) {
    return dataset.files().stream()
        .filter(spec -> find(directory, spec).isEmpty())
        .map(IdxFileSpec::name)
        .collect(Collectors.toList());
  }

  private String describeAbsence(Location location, List<String> missing) {
    if (Files.exists(location.directory()) && !Files.isDirectory(location.directory())) {
      return "a file, not a directory (name the directory that holds the dataset's files)";
    }
    if (!Files.isDirectory(location.directory())) {
      return "no such directory";
    }
    return "lacks " + missing.stream()
        .map(name -> name + "[.gz]" + (Files.isDirectory(location.directory().resolve(name))
            || Files.isDirectory(location.directory().resolve(name + ".gz"))
            ? " (a directory of that name is there: it must be a file)" : ""))
        .collect(Collectors.joining(", "));
  }

  /** The raw file if present, else the gzip-compressed one. */
  private static Optional<Path> find(Path directory, IdxFileSpec spec) {
    for (String name : List.of(spec.name(), spec.gzipName())) {
      Path file = directory.resolve(name);
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  private record Location(String origin, Path directory) {}

  /** Configures where to look; by default this process's environment and home directory. */
  public static final class Builder {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private final IdxDataset dataset;
    private Optional<Path> dataDirectory = Optional.empty();
    private Map<String, String> environment = System.getenv();
    private Path home = Path.of(System.getProperty("user.home"));
    private Optional<Path> systemDirectory = Optional.empty();
    private Optional<DatasetDownloader> downloader =
        Optional.of(new DatasetDownloader(CONNECT_TIMEOUT, REQUEST_TIMEOUT));

    private Builder(IdxDataset dataset) {
      this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /** The directory the user named; it then is the only place looked at. */
    public Builder optDataDirectory(Path directory) {
      this.dataDirectory = Optional.ofNullable(directory);
      return this;
    }

    /** The environment variables to consult instead of this process's. */
    public Builder optEnvironment(Map<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** The home directory whose {@code .cache/archbench} is the cache. */
    public Builder optHome(Path home) {
      this.home = Objects.requireNonNull(home, "home");
      return this;
    }

    /** Another system directory than the dataset's, e.g. for tests. */
    public Builder optSystemDirectory(Path directory) {
      this.systemDirectory = Optional.of(directory);
      return this;
    }

    /** The downloader to fall back on; {@code null} turns downloading off. */
    public Builder optDownloader(DatasetDownloader downloader) {
      this.downloader = Optional.ofNullable(downloader);
      return this;
    }

    public DatasetLocator build() {
      return new DatasetLocator(this);
    }
  }
}
