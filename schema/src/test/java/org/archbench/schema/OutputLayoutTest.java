package org.archbench.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputLayoutTest {

  private final OutputLayout run = new OutputLayout(Path.of("target/bench"));

  @Test
  void anotherDatasetIsARunOfItsOwnBesideTheDefaultOne() {
    OutputLayout mnist = run.dataset("mnist");

    assertEquals(Path.of("target/bench/datasets/mnist/eval/cnn.json"), mnist.evaluation("cnn"));
    assertEquals(Path.of("target/bench/eval/cnn.json"), run.evaluation("cnn"));
    assertEquals(Path.of("target/bench/datasets/mnist/report"), mnist.report());
  }

  @Test
  void everyFileOfTheLayoutHasItsPlace() {
    assertEquals(Path.of("target/bench/run.json"), run.runManifest());
    assertEquals(Path.of("target/bench/models/cnn"), run.modelDirectory("cnn"));
    assertEquals(Path.of("target/bench/eval/cnn.onnxruntime.predictions.csv"),
        run.predictions("cnn", "onnxruntime"));
    assertEquals(Path.of("target/bench/robustness/sets-500"), run.corruptedSets(500, false));
    assertEquals(Path.of("target/bench/robustness/sets"), run.corruptedSets(10_000, true));
    assertEquals(Path.of("target/bench/jmh/steady-state.json"), run.jmhPart("steady-state"));
    assertEquals(Path.of("target/bench/jmh/inputs-idx3-ubyte.gz"), run.benchmarkInputs());
    assertEquals(Path.of("target/bench/imbalance/runs/exp-rho100-none/models/cnn"),
        run.imbalanceRun("exp-rho100-none").modelDirectory("cnn"));
    assertEquals(Path.of("target/bench/seeds/seed-43/training/cnn.json"),
        run.seedRun(43).trainingReport("cnn"));
  }
}
