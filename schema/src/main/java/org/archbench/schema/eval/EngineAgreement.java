package org.archbench.schema.eval;

/**
 * How closely several engines running one model agree: the share of images on which every engine
 * predicts the same class, and the largest logit difference between any engine and the first.
 *
 * @param share share of images on which all engines predict the same class, those whose results
 *     an evaluation of other engines kept included (from their predictions files)
 * @param maxLogitDifference largest |logit difference| between any engine and the first, among the
 *     engines evaluated together (logits are not stored, so a kept result has none to compare)
 * @param images how many images were compared
 */
public record EngineAgreement(double share, double maxLogitDifference, int images) {}
