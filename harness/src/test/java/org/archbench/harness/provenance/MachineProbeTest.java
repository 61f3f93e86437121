package org.archbench.harness.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.archbench.schema.run.Machine;
import org.junit.jupiter.api.Test;

/** What tells two hosts of one CPU model apart: their vector extensions, and their names. */
class MachineProbeTest {

  @Test
  void theInstructionSetsComeFromTheFlagsInTheLabelsOrder() {
    List<String> avx512 = List.of("processor\t: 0", "model name\t: AMD EPYC 9B14",
        "flags\t\t: fpu sse4_2 avx fma avx2 avx512f avx512dq avx512_vnni avx512_bf16 sha_ni");
    List<String> avx2 = List.of("model name\t: AMD EPYC 9B14", "flags\t\t: fpu sse4_2 avx avx2 fma");

    assertEquals(List.of("AVX2", "FMA", "AVX-512", "AVX-512 VNNI", "AVX-512 BF16"),
        MachineProbe.instructionSets(avx512));
    assertEquals(List.of("AVX2", "FMA"), MachineProbe.instructionSets(avx2));
    assertEquals(List.of(), MachineProbe.instructionSets(List.of()));
  }

  @Test
  void theLabelNamesTheHostAndTheWidestVectors() {
    Machine avx512 = new Machine("AMD EPYC 9B14", 2, 1L << 34, "Linux", "17", "none", "build-7",
        List.of("AVX2", "FMA", "AVX-512"));
    Machine older = new Machine("AMD EPYC 9B14", 2, 1L << 34, "Linux", "17", "none", null, null);

    assertEquals("build-7: AMD EPYC 9B14, 2 cores, AVX-512", avx512.label());
    assertEquals("AMD EPYC 9B14, 2 cores", older.label(), "a run recorded before hosts were");
    assertFalse(MachineProbe.current().label().isBlank());
  }
}
