package org.archbench.schema.training;

import org.archbench.schema.io.MayBeAbsent;

/**
 * Train, validation and test accuracy and the train-validation gap, measured after the last epoch in
 * inference mode.
 *
 * @param train accuracy on the training images the model learnt from, or on a seeded sample of
 *     them ({@code trainImagesMeasured})
 * @param validation accuracy on the validation split
 * @param test accuracy on the official test set
 * @param trainValidationGap train minus validation, in accuracy points (0..1 scale)
 * @param testLoss mean loss on the test set
 * @param trainImagesMeasured how many training images {@code train} was measured on; absent in
 *     files of format 1.0, which measured every one
 */
public record FinalAccuracy(
    double train, double validation, double test, double trainValidationGap, double testLoss,
    @MayBeAbsent Integer trainImagesMeasured) {}
