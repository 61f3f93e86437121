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
  void theClockIsTheFirstCoresFromCpuinfo() {
    assertEquals(2596.126, MachineProbe.cpuMhz(List.of("processor\t: 0", "cpu MHz\t\t: 2596.126",
        "processor\t: 1", "cpu MHz\t\t: 3100.000")), 1e-9);
    assertEquals(null, MachineProbe.cpuMhz(List.of("Features\t: asimd")));
    assertEquals(null, MachineProbe.cpuMhz(List.of("cpu MHz\t\t: unknown")));
  }

  @Test
  void theLabelNamesTheHostAndTheWidestVectors() {
    Machine avx512 = new Machine("AMD EPYC 9B14", 2, 1L << 34, "Linux", "17", "none", "build-7",
        List.of("AVX2", "FMA", "AVX-512"), 2450.0, "6.1.0-27-cloud-amd64");
    Machine older = new Machine("AMD EPYC 9B14", 2, 1L << 34, "Linux", "17", "none", null, null,
        null, null);

    assertEquals("build-7: AMD EPYC 9B14, 2 cores, AVX-512", avx512.label());
    assertEquals("AMD EPYC 9B14, 2 cores", older.label(), "a run recorded before hosts were");
    assertFalse(MachineProbe.current().label().isBlank());
  }
}
