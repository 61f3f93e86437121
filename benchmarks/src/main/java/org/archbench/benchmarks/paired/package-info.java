/**
 * Statistics of configurations measured in blocks. In a block every configuration taking part is
 * measured once, for one short turn, back to back in a shuffled order; blocks repeat. The
 * machine's drift, tens of percent over minutes, is common to a block and cancels in the ratio of
 * two configurations' values in it (randomized multiple interleaved trials, Abedi and Brecht, ICPE
 * 2017).
 *
 * <ul>
 *   <li>{@link PairedRatio}: a over b with 90% and 95% intervals, Yuen's trimmed-mean t on the
 *       per-block log-ratios.
 *   <li>{@link PairedVerdict}: a cheaper, b cheaper, equivalent within a margin (two one-sided
 *       tests), or undecided with the blocks that would decide it.
 *   <li>{@link PairedComparisons}: every pair of configurations of a figure as schema
 *       {@code Comparison}s.
 *   <li>{@link BlockEstimate}: one configuration's figure, geometric mean over blocks.
 *   <li>{@link BlockAllocation}: which configurations the next block measures.
 *   <li>{@link StoppingRule}: the stricter levels at which the allocation stops measuring for a
 *       comparison, as it looks after every block (a Pocock-like boundary).
 * </ul>
 */
package org.archbench.benchmarks.paired;
