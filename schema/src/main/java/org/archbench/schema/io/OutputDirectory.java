package org.archbench.schema.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.archbench.schema.OutputLayout;

/**
 * Refuses to write into a directory that is not archbench's: one that holds anything but the
 * entries of the output layout (run.json, models/, eval/, ...) and archbench's temporaries. Given
 * {@code --out .} or {@code --out ~} by mistake, archbench would otherwise write its results among
 * the user's files.
 */
public final class OutputDirectory {

  /** The foreign entries a refusal names, at most. */
  private static final int NAMED = 5;

  private OutputDirectory() {}

  /**
   * Fails unless {@code directory} is absent, empty, an archbench run (it has run.json) or holds
   * archbench's entries only, or {@code force} says to write there anyway.
   *
   * @throws IOException naming the foreign entries and what to do
   */
  public static void requireRunOrEmpty(Path directory, boolean force) throws IOException {
    OutputLayout layout = new OutputLayout(directory);
    if (force || !Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)
        || Files.isRegularFile(layout.runManifest(), LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<String> foreign;
    try (Stream<Path> entries = Files.list(directory)) {
      foreign = entries.filter(entry -> !OutputLayout.isEntry(entry.getFileName().toString())
              && !Temporaries.isTemporary(entry))
          .map(entry -> entry.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new IOException(directory + ": expected an output directory archbench can list, found"
          + " the file system refusing (" + FileSystemReasons.of(e) + "). Make it readable, or"
          + " name another output directory", e);
    }
    if (foreign.isEmpty()) {
      return;
    }
    String named = String.join(", ", foreign.subList(0, Math.min(NAMED, foreign.size())))
        + (foreign.size() > NAMED ? " and " + (foreign.size() - NAMED) + " more" : "");
    throw new IOException(directory + ": expected an archbench output directory (run.json,"
        + " models/, eval/, ...) or an empty one, found one that holds other files (" + named
        + "). Name another output directory, or add --force-out (-Dbench.force-out=true) to write"
        + " among them: archbench only ever removes files it wrote itself");
  }
}
