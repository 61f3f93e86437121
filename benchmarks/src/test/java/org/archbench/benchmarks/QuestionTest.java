package org.archbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.archbench.schema.jmh.Comparison;
import org.archbench.schema.jmh.ComparisonVerdict;
import org.junit.jupiter.api.Test;

/** Which comparisons the report's questions ask for, and so which steer the blocks. */
class QuestionTest {

  private static final Map<String, String> CNN_ORT = config("cnn", "onnxruntime", "fp32");
  private static final Map<String, String> CNN_DJL = config("cnn", "djl-onnxruntime", "fp32");
  private static final Map<String, String> CNN_TORCH = config("cnn", "pytorch", "fp32");
  private static final Map<String, String> CNN_ORT_INT8 = config("cnn", "onnxruntime", "int8");
  private static final Map<String, String> MLP_ORT = config("mlp", "onnxruntime", "fp32");
  private static final Map<String, String> MLP_TORCH = config("mlp", "pytorch", "fp32");

  @Test
  void theEngineQuestionAsksForFloat32EnginesOfOneArchitectureAgainstTheFirst() {
    Comparison ortDjl = comparison(CNN_ORT, CNN_DJL, ComparisonVerdict.UNDECIDED);
    Comparison djlTorch = comparison(CNN_DJL, CNN_TORCH, ComparisonVerdict.UNDECIDED);
    Comparison int8 = comparison(CNN_ORT_INT8, CNN_DJL, ComparisonVerdict.UNDECIDED);
    Comparison acrossArchs = comparison(CNN_ORT, MLP_TORCH, ComparisonVerdict.UNDECIDED);

    assertEquals(List.of(ortDjl), Question.asked(Set.of(Question.ENGINE_AGAINST_FIRST),
        List.of(ortDjl, djlTorch, int8, acrossArchs), "onnxruntime"));
  }

  @Test
  void theCheapestQuestionAsksForContendersAgainstEachOtherAndTheirOwnArchitecture() {
    // pytorch is decided dearer than ONNX Runtime for both architectures; ONNX Runtime and DJL are
    // not told apart, so both may be the cheapest of cnn.
    List<Comparison> comparisons = List.of(
        comparison(CNN_ORT, CNN_TORCH, ComparisonVerdict.A_CHEAPER),
        comparison(CNN_ORT, CNN_DJL, ComparisonVerdict.UNDECIDED),
        comparison(CNN_DJL, CNN_TORCH, ComparisonVerdict.UNDECIDED),
        comparison(MLP_TORCH, MLP_ORT, ComparisonVerdict.B_CHEAPER),
        comparison(MLP_TORCH, CNN_TORCH, ComparisonVerdict.UNDECIDED),
        comparison(MLP_ORT, CNN_TORCH, ComparisonVerdict.UNDECIDED));

    assertEquals(Set.of(CNN_ORT, CNN_DJL, MLP_ORT), Question.contenders(comparisons));
    // Two dearer configurations of different architectures, and a contender against another
    // architecture's dearer configuration: not asked for.
    assertEquals(comparisons.subList(0, 4),
        Question.asked(Set.of(Question.CHEAPEST), comparisons, "onnxruntime"));
    assertEquals(List.of(), Question.asked(Set.of(), comparisons, "onnxruntime"),
        "a figure no question asks for steers nothing");
  }

  private static Map<String, String> config(String arch, String engine, String variant) {
    return Map.of("arch", arch, "engine", engine, "variant", variant);
  }

  private static Comparison comparison(Map<String, String> a, Map<String, String> b,
      ComparisonVerdict verdict) {
    return new Comparison("LatencyBenchmark.batch001", "p99", "us/op", true, a, b, 1.0, 0.9, 1.1,
        0.8, 1.2, 6, 0.05, verdict, null);
  }
}
