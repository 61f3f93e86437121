package org.archbench.schema.training;

/**
 * The columns of seed 001's table, measured after the last epoch in inference mode.
 *
 * @param train accuracy on the training split
 * @param validation accuracy on the validation split
 * @param test accuracy on the official test set
 * @param trainValidationGap train minus validation, in accuracy points (0..1 scale)
 * @param testLoss mean loss on the test set
 */
public record FinalAccuracy(
    double train, double validation, double test, double trainValidationGap, double testLoss) {}
