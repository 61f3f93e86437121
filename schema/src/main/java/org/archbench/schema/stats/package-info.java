/**
 * stats.json: McNemar between every pair of architectures, Holm-corrected, and the spread over seeds.
 */
package org.archbench.schema.stats;
