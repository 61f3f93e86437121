package org.archbench.schema.stats;

/** Which form of McNemar's test produced a p-value. */
public enum McNemarMethod {
  /** The exact binomial test, below 25 discordant images. */
  EXACT_BINOMIAL,
  /** The chi-square test with Edwards' continuity correction. */
  CHI_SQUARED_CONTINUITY_CORRECTED
}
