package org.archbench.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.archbench.harness.Defaults;
import org.archbench.models.spec.Architectures;
import org.archbench.reports.HtmlReport;
import org.archbench.reports.Decisiveness;
import org.archbench.reports.PickTable;
import org.archbench.reports.RunComparison;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.io.OutputLock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archbench report}: the HTML report of one run, or the comparison of several. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = {
      "Render the self-contained HTML report of a run from its result files (never the engines):"
          + " IN/report/index.html, with a CSV and a JSON download of every table.",
      "With --runs, compare runs from different machines side by side instead."
    })
final class ReportCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--in", paramLabel = "DIR",
      description = "The run's output directory (default: -Dbench.out, else "
          + Defaults.OUTPUT_DIRECTORY + ").")
  private Path in;

  // The longer name keeps -Dbench.out (the run's directory) from also being the report's.
  @Option(names = {"--out", "--report-dir"}, paramLabel = "DIR",
      description = "Where the report goes (default: IN/report; with --runs, the first run's"
          + " comparison/ directory).")
  private Path out;

  @Option(names = "--label", paramLabel = "TEXT",
      description = "Names the run in the page (default: the label in run.json, else the"
          + " directory's name). With --runs, once per run in their order (default: each run's"
          + " machine: host, CPU, cores, widest vector extension); repeats are numbered.")
  private List<String> labels = List.of();

  @Option(names = "--pairs", split = ",", paramLabel = "LEFT:RIGHT",
      description = "The architectures the head-to-head section compares, comma-separated"
          + " (default: secnn:cnn,mlp:cnn,cnn:vgg).")
  private List<String> pairs = List.of();

  @Option(names = "--runs", arity = "2..*", paramLabel = "DIR",
      description = "Compare these run directories, each labelled by its hardware.")
  private List<Path> runs;

  @Override
  @SuppressWarnings("try") // the locks are held, not used
  public Integer call() throws IOException {
    List<Path> read = runs != null ? runs : List.of(in != null ? in : Path.of(benchOut()));
    // No stage may write into a run while its report reads it: the page would mix two states.
    List<OutputLock> locks = new ArrayList<>();
    try {
      // One lock per directory: a run named twice is the comparison's to refuse, saying so.
      for (Path run : read.stream().map(ReportCommand::canonical).distinct().toList()) {
        locks.add(OutputLock.share(new OutputLayout(run), "archbench report"));
      }
      return report();
    } finally {
      for (OutputLock lock : locks) {
        lock.close();
      }
    }
  }

  private static Path canonical(Path run) {
    try {
      return run.toRealPath();
    } catch (IOException absent) {
      return run.toAbsolutePath().normalize();
    }
  }

  private int report() throws IOException {
    Path written;
    if (runs != null) {
      written = RunComparison.write(runs, labels,
          out != null ? out : runs.get(0).resolve("comparison"));
    } else {
      Path run = in != null ? in : Path.of(benchOut());
      if (labels.size() > 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected one --label for"
            + " one run, found " + labels.size() + ": " + labels + ". Give several only with --runs.");
      }
      written = HtmlReport.write(run, out != null ? out : run.resolve("report"),
          labels.isEmpty() ? null : labels.get(0),
          pairs.stream().map(ReportCommand::registeredPair).toList());
      Decisiveness.of(run).ifPresent(line -> spec.commandLine().getOut().println(line.text()));
      spec.commandLine().getOut().print(PickTable.text(PickTable.of(run)));
    }
    spec.commandLine().getOut().println("Report: " + written.toAbsolutePath().normalize());
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * {@code pair} with both sides as the registry spells them ({@code CNN:MLP} is {@code cnn:mlp}),
   * as --arch takes them.
   *
   * @throws IllegalArgumentException naming the registered architectures if a side is none of them
   */
  private static String registeredPair(String pair) {
    String[] sides = pair.split(":", -1);
    if (sides.length != 2) {
      return pair; // not LEFT:RIGHT: the report says what the form is
    }
    try {
      return Architectures.byId(sides[0]).id() + ":" + Architectures.byId(sides[1]).id();
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("--pairs " + pair + ": " + unknown.getMessage(), unknown);
    }
  }

  private static String benchOut() {
    String value = System.getProperty("bench.out", "");
    return value.isBlank() ? Defaults.OUTPUT_DIRECTORY : value.trim();
  }
}
