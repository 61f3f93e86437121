package org.archbench.schema.jmh;

import java.util.List;

/**
 * jmh/rounds.json: the steady-state rounds planned, and the order each round ran its
 * configurations in. Written before the first round and after each, so that it also says how far
 * the benchmarks have come.
 *
 * @param seed the shuffle's seed
 * @param plannedRounds the rounds that run in full, every configuration once each; further rounds
 *     run only the configurations whose figures are not yet decided
 * @param configurations the configurations of each planned round
 * @param rounds how many rounds have finished
 * @param orders per finished round, the configurations in the order they ran
 */
public record RoundOrder(
    long seed, int plannedRounds, int configurations, int rounds, List<List<String>> orders) {

  public RoundOrder {
    orders = List.copyOf(orders);
  }
}
