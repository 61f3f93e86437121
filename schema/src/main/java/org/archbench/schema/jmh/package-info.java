/**
 * The records of the benchmark stage's files under jmh/: {@link
 * org.archbench.schema.jmh.FigureEstimates} (jmh/figures.json, every cost figure with its interval
 * and verdict, and the paired comparisons), looked up by the cost question ({@link
 * org.archbench.schema.jmh.CostMeasure}) and the kind of figure ({@link
 * org.archbench.schema.jmh.FigureKind}); the blocks, the machine's stability, the pairs left out
 * and the models measured. JMH's own JSON (jmh/results.json) is parsed by the benchmark stage
 * alone, which makes these figures of it: nothing here reads it.
 */
package org.archbench.schema.jmh;
