/**
 * The studies that train further models from the train stage's own, each to answer one question:
 * when a pretrained convolutional base helps ({@link org.archbench.harness.study.TransferStudy}),
 * and what mean squared error on the softmax costs against cross-entropy
 * ({@link org.archbench.harness.study.LossStudy}).
 */
package org.archbench.harness.study;
