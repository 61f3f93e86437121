/**
 * JMH's own JSON (jmh/results.json) and the statistics of its records: the benchmark stage reads
 * them here, and only here, to make the figures of jmh/figures.json
 * ({@link org.archbench.schema.jmh.FigureEstimates}), the report's one source of cost figures.
 */
package org.archbench.benchmarks.jmh;
