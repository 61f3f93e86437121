package org.archbench.schema.stats;

/**
 * One pair's test in stats.json: McNemar between two architectures on the same test images.
 *
 * @param first an architecture
 * @param second another, after it in the input order
 * @param firstAccuracy the first's test accuracy
 * @param secondAccuracy the second's
 * @param firstOnlyCorrect images only the first gets right
 * @param secondOnlyCorrect images only the second gets right
 * @param statistic McNemar's statistic (b for the exact test)
 * @param pValue the unadjusted two-sided p-value
 * @param method exact binomial or chi-square with continuity correction
 * @param holmPValue the p-value after Holm's correction over all pairs
 * @param significant whether the Holm-adjusted p-value is below the report's alpha
 */
public record SignificancePair(
    String first,
    String second,
    double firstAccuracy,
    double secondAccuracy,
    long firstOnlyCorrect,
    long secondOnlyCorrect,
    double statistic,
    double pValue,
    McNemarMethod method,
    double holmPValue,
    boolean significant) {}
