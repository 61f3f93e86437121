package org.archbench.schema.study;

/**
 * One model's accuracy on a study's test images, with its 95% Wilson interval.
 *
 * @param accuracy share of the test images classified correctly
 * @param accuracyLower95 lower bound of the interval
 * @param accuracyUpper95 upper bound of the interval
 * @param testImages how many test images it was measured on
 */
public record TestAccuracy(
    double accuracy, double accuracyLower95, double accuracyUpper95, int testImages) {}
