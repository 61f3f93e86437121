package org.archbench.schema.jmh;

import java.util.List;
import org.archbench.schema.io.MayBeAbsent;
import org.archbench.schema.io.ResultFormat;

/**
 * jmh/blocks.json: how the steady-state benchmarks were measured. Every configuration is a fork of
 * its own, alive for the whole stage; a block gives each configuration of one benchmark method one
 * turn, back to back in an order shuffled from the seed, with the GEMM anchor's turn among them.
 * Written before the first block and after each, so that it also says how far the stage has come.
 *
 * @param seed the shuffles' seed
 * @param turnMillis a turn's measurement time, at the least (a slow batch-1 latency gets longer
 *     turns, so that its percentiles rest on enough samples)
 * @param forks the configurations' forks
 * @param plannedTurns the turns of the setup and of the pilot blocks, which every configuration
 *     runs; later blocks run only configurations with a comparison not yet decided
 * @param turns the turns run so far
 * @param blocks every block run so far, in order
 */
@ResultFormat(file = "jmh/blocks.json")
public record BlockLog(long seed, long turnMillis, int forks, long plannedTurns, long turns,
    List<Block> blocks) {

  public BlockLog {
    blocks = blocks == null ? List.of() : List.copyOf(blocks);
  }

  /**
   * One block.
   *
   * @param number from 1
   * @param benchmark the benchmark method its configurations ran, {@code package.Class.method}
   * @param order the configurations in the order they ran, the anchor among them
   * @param seconds its wall time
   * @param counted whether its figures count: not for a settling block (each fork's first, past
   *     its warm-up) or a block the host took too much of
   * @param why why it does not count; absent if it does
   * @param stealShare the share of the machine's CPU time the hypervisor took (steal) during the
   *     block; absent where /proc/stat is not
   * @param otherCpuShare the share other processes than the stage and its forks took; absent where
   *     /proc is not
   * @param anchorGflops the GEMM anchor's GFLOP/s in this block; absent if it gave none
   */
  public record Block(int number, String benchmark, List<String> order, double seconds,
      boolean counted, @MayBeAbsent String why, @MayBeAbsent Double stealShare,
      @MayBeAbsent Double otherCpuShare, @MayBeAbsent Double anchorGflops) {

    public Block {
      order = List.copyOf(order);
    }
  }
}
