package org.archbench.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.jmh.MachineStability;
import org.archbench.schema.run.Machine;
import org.archbench.schema.run.RunManifest;

/** Environment and provenance: the machine, the software, the data and the wall time per stage. */
final class EnvironmentSection {

  private EnvironmentSection() {}

  static Section build(RunResults run) {
    Section section = new Section("environment", "Environment and provenance");
    List<List<Object>> rows = new ArrayList<>();
    List<List<Object>> stages = new ArrayList<>();
    if (run.run().isPresent()) {
      RunManifest manifest = run.run().get();
      rows.add(row("label", manifest.label()));
      rows.add(row("preset", manifest.preset()));
      Machine machine = manifest.machine();
      if (machine != null) {
        rows.add(row("machine.host", machine.host()));
        rows.add(row("machine.cpu", machine.cpu()));
        rows.add(row("machine.instructionSets", String.join(", ", machine.instructionSets())));
        rows.add(row("machine.cores", String.valueOf(machine.cores())));
        rows.add(row("machine.cpuMhz", machine.cpuMhz() == null
            ? null : String.format(java.util.Locale.ROOT, "%.0f", machine.cpuMhz())));
        rows.add(row("machine.kernel", machine.kernel()));
        rows.add(row("machine.memoryBytes", String.valueOf(machine.memoryBytes())));
        rows.add(row("machine.os", machine.os()));
        rows.add(row("machine.jvm", machine.jvm()));
        rows.add(row("machine.gpu", machine.gpu()));
      }
      rows.add(row("archbenchVersion", manifest.archbenchVersion()));
      rows.add(row("gitCommit", manifest.gitCommit()));
      rows.add(row("datasetSha256", manifest.datasetSha256()));
      rows.add(row("updatedAt", manifest.updatedAt()));
      if (manifest.stages() != null) {
        manifest.stages().forEach((name, stage) -> stages.add(Arrays.asList(
            name, stage.status(), stage.seconds(), stage.finishedAt())));
      }
    } else {
      section.missing("run.json (written by the pipeline: machine, preset and wall time per stage)");
    }
    run.evaluations().values().stream().findFirst().ifPresent(evaluation -> {
      rows.add(row("archbench version", evaluation.archbenchVersion()));
      rows.add(row("git commit", evaluation.gitCommit()));
      rows.add(row("dataset SHA-256", evaluation.datasetSha256()));
      for (EngineEvaluation engine : evaluation.engines()) {
        rows.add(row("engine " + engine.engine(), engine.version()));
      }
    });
    run.figures().filter(figures -> figures.jmhVersion() != null).ifPresent(figures -> {
      rows.add(row("JMH", figures.jmhVersion()));
      rows.add(row("benchmark JVM", figures.benchmarkJvm()));
    });
    section.table(new Table("environment", "Provenance", List.of(
        Table.Column.text("key", "What"), Table.Column.text("value", "Value")), rows));
    if (!stages.isEmpty()) {
      section.table(new Table("stages", "Wall time per stage", List.of(
          Table.Column.text("stage", "Stage"), Table.Column.text("status", "Status"),
          Table.Column.number("seconds", "Seconds", "%.1f"),
          Table.Column.text("finished_at", "Finished")), stages));
    }
    run.stability().ifPresent(stability ->
        section.table(calibrations(stability)).table(rounds(stability)));
    return section;
  }

  /** The calibrations, under the summary line of them and of the rounds' load. */
  private static Table calibrations(MachineStability stability) {
    List<List<Object>> rows = new ArrayList<>();
    for (MachineStability.Calibration calibration : stability.calibrations()) {
      rows.add(Arrays.asList(calibration.when(), calibration.gflops()));
    }
    return new Table("stability", "Machine stability: " + stability.summary(), List.of(
        Table.Column.text("when", "Calibration"),
        Table.Column.number("gflops", "GEMM GFLOP/s", "%.1f")), rows);
  }

  /** Each steady-state round's wall time and the CPU other processes took in it. */
  private static Table rounds(MachineStability stability) {
    List<List<Object>> rows = new ArrayList<>();
    for (MachineStability.RoundLoad round : stability.rounds()) {
      rows.add(Arrays.asList(round.round(), round.seconds(), round.otherCpuShare()));
    }
    return new Table("rounds", "The benchmark rounds and the machine's other load", List.of(
        Table.Column.number("round", "Round", "%d"),
        Table.Column.number("seconds", "Seconds", "%.1f"),
        Table.Column.percent("other_cpu", "Other processes' CPU %")), rows);
  }

  private static List<Object> row(String key, String value) {
    return Arrays.asList(key, value);
  }
}
