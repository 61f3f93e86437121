package org.archbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.archbench.app.cli.Main;
import org.archbench.benchmarks.BenchmarkParameters;
import org.archbench.harness.data.DatasetProvider;
import org.archbench.harness.data.IdxDataset;
import org.archbench.harness.data.IdxFileSpec;
import org.archbench.harness.engine.EngineKind;
import org.archbench.harness.engine.InferenceEngine;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.export.Calibration;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelVariant;
import org.archbench.models.spec.ArchitectureProvider;
import org.archbench.models.spec.ArchitectureSpec;
import org.archbench.models.spec.FeatureShape;
import org.archbench.models.spec.Flatten;
import org.archbench.models.spec.Linear;
import org.archbench.schema.engine.EngineSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A new engine, model variant, architecture and dataset are each one class plus a registration:
 * the throwaway ones below, registered only through META-INF/services files on a class loader of
 * this test's own, reach the CLI's defaults and help, the pipeline, the JMH parameter space and
 * {@code check}, with no other edit.
 */
class RegistrationTest {

  /** An engine that is never opened here: registering it is the point. */
  public static final class ThrowawayEngine extends EngineKind {
    public ThrowawayEngine() {
      super("throwaway-engine");
    }

    @Override
    public InferenceEngine open(ModelFiles files, EngineSettings settings) {
      throw new UnsupportedOperationException("a registration test's engine runs nothing");
    }

    @Override
    public String startRuntime() {
      return "0";
    }
  }

  public static final class ThrowawayVariant extends ModelVariant {
    public ThrowawayVariant() {
      super("throwaway-variant");
    }

    @Override
    public void derive(ModelFiles float32, Calibration calibration) {}

    @Override
    protected void requireDerivedFrom(ModelFiles files, Map<String, String> metadata) {}
  }

  public static final class ThrowawayArchitectures implements ArchitectureProvider {
    @Override
    public List<ArchitectureSpec> architectures() {
      return List.of(new ArchitectureSpec("throwaway-arch", "a linear classifier",
          FeatureShape.image(1, 28, 28), 10, List.of(new Flatten(), new Linear(10))));
    }
  }

  public static final class ThrowawayDatasets implements DatasetProvider {
    @Override
    public List<IdxDataset> datasets() {
      String none = "0".repeat(64);
      return List.of(new IdxDataset("throwaway-data", "Throwaway", List.of("no", "yes"), 2, 2,
          new IdxFileSpec("a-images", none, 1), new IdxFileSpec("a-labels", none, 1),
          new IdxFileSpec("b-images", none, 1), new IdxFileSpec("b-labels", none, 1),
          "THROWAWAY_DIR", Optional.empty(), Path.of("/nonexistent"),
          URI.create("http://localhost/"), List.of()));
    }
  }

  @TempDir Path registrations;
  @TempDir Path emptyRun;

  @Test
  void eachRegistrationReachesTheDefaultsTheBenchmarksAndCheck() throws Exception {
    String check = withRegistrations(() -> run("check", "--in", emptyRun.toString()));
    assertTrue(check.contains("models/throwaway-arch/throwaway-arch.onnx: expected this result"
        + " file"), check);
    assertTrue(check.contains("models/mlp/mlp.throwaway-variant.onnx: expected this result"
        + " file"), check);
    assertTrue(check.contains("eval/cnn.throwaway-engine.predictions.csv: expected this result"
        + " file"), check);

    Map<String, List<String>> jmh = withRegistrations(BenchmarkParameters::defaults);
    assertEquals("throwaway-engine", last(jmh.get(BenchmarkParameters.ENGINE)));
    assertEquals("throwaway-arch", last(jmh.get(BenchmarkParameters.ARCH)));
    assertEquals("throwaway-variant", last(jmh.get(BenchmarkParameters.VARIANT)));

    String benchHelp = withRegistrations(() -> run("bench", "--help"));
    for (String id : List.of("throwaway-engine", "throwaway-arch", "throwaway-variant")) {
      assertTrue(benchHelp.contains(id), id + " in the defaults of " + benchHelp);
    }
    assertTrue(withRegistrations(() -> run("data", "verify", "--help")).contains("throwaway-data"));

    List<String> stage = withRegistrations(() -> new BenchPipeline(emptyRun, Map.of(), System.out)
        .command(BenchPipeline.Stage.cli("train", "train")));
    assertTrue(stage.contains("-Dbench.archs=mlp,cnn,secnn,resnet,vgg,throwaway-arch"),
        stage.toString());
  }

  @Test
  void withoutTheRegistrationsNoneOfThemIsThere() {
    String check = run("check", "--in", emptyRun.toString());

    assertFalse(check.contains("throwaway"), check);
    assertFalse(BenchmarkParameters.defaults().toString().contains("throwaway"));
  }

  private static String last(List<String> ids) {
    return ids.get(ids.size() - 1);
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.newCommandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(out));
    commandLine.execute(args);
    return out.toString();
  }

  /** Runs {@code action} with the throwaway classes registered on the thread's class loader. */
  private <T> T withRegistrations(Callable<T> action) throws Exception {
    register(EngineKind.class, ThrowawayEngine.class);
    register(ModelVariant.class, ThrowawayVariant.class);
    register(ArchitectureProvider.class, ThrowawayArchitectures.class);
    register(DatasetProvider.class, ThrowawayDatasets.class);
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {registrations.toUri().toURL()}, original)) {
      thread.setContextClassLoader(loader);
      return action.call();
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  private void register(Class<?> service, Class<?> implementation) throws IOException {
    Path file = registrations.resolve("META-INF/services").resolve(service.getName());
    Files.createDirectories(file.getParent());
    Files.writeString(file, implementation.getName() + "\n");
  }
}
