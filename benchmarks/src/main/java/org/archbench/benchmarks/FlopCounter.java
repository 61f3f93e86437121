package org.archbench.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the floating-point operations a benchmark performed; JMH reports {@code flop} as a rate,
 * so each result carries its achieved FLOP/s as the secondary metric {@code flop} (ops/s).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class FlopCounter {

  /** Floating-point operations so far in this iteration. */
  public long flop;

  /** JMH leaves resetting auxiliary counters to the benchmark. */
  @Setup(Level.Iteration)
  public void reset() {
    flop = 0;
  }
}
