package org.archbench.schema.training;

/**
 * Train, validation and test accuracy and the train-validation gap, measured after the last epoch in inference mode.
 *
 * @param train accuracy on the training split
 * @param validation accuracy on the validation split
 * @param test accuracy on the official test set
 * @param trainValidationGap train minus validation, in accuracy points (0..1 scale)
 * @param testLoss mean loss on the test set
 */
public record FinalAccuracy(
    double train, double validation, double test, double trainValidationGap, double testLoss) {}
