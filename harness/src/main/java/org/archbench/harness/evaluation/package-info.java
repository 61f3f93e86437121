/**
 * Accuracy with statistics: the evaluator that writes eval/&lt;arch&gt;.json and the predictions,
 * the metrics (confusion, calibration, Wilson interval), McNemar with Holm's correction, and the
 * spread over seeds.
 */
package org.archbench.harness.evaluation;
