package org.archbench.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.archbench.models.complexity.Complexity;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.Architectures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code archbench arch list}: the registered architectures and what each costs. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchVersion.class,
    description = "List the registered architectures with parameters, MACs and FLOPs per image.")
final class ArchListCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%-8s %10s %14s %14s %12s  %s%n", "id", "params", "MACs", "FLOPs",
        "act. KiB", "description");
    for (ArchitectureSpec architecture : Architectures.all()) {
      Complexity cost = Complexity.of(architecture);
      out.printf(Locale.ROOT, "%-8s %,10d %,14d %,14d %,12.1f  %s%n", architecture.id(),
          cost.parameters(), cost.macs(), cost.flops(), cost.activationBytesPerImage() / 1024.0,
          architecture.description());
    }
    out.println("Parameters exclude batch-norm running statistics; MACs count conv and linear"
        + " layers, bias excluded (fvcore); FLOPs = 2 x MACs; act. = float32 activations per image.");
    out.flush();
    return 0;
  }
}
