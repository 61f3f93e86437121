package org.archbench.schema.eval;

import org.archbench.schema.stats.McNemarMethod;

/**
 * A derived model variant (int8) against the float32 model it came from, on one engine and the
 * same test images: how often the two predict alike, the accuracy the variant gives up, and
 * whether that loss is beyond chance.
 *
 * @param variant the derived variant's id
 * @param engine the engine both ran on
 * @param images test images compared
 * @param agreement share of the images on which both predict the same class
 * @param accuracyDrop float32 accuracy minus the variant's, a share (positive: the variant lost)
 * @param dropLower95 lower end of the drop's 95% interval for paired proportions (Newcombe's
 *     hybrid score interval)
 * @param dropUpper95 upper end of that interval
 * @param float32OnlyCorrect images float32 gets right and the variant wrong (McNemar's b)
 * @param variantOnlyCorrect the reverse (c)
 * @param mcnemarPValue two-sided McNemar p-value of float32 against the variant
 * @param mcnemarMethod exact binomial below 25 discordant images, else chi-square
 * @param onnxBytes the variant's ONNX file size
 * @param float32OnnxBytes the float32 ONNX file size
 */
public record VariantComparison(
    String variant,
    String engine,
    int images,
    double agreement,
    double accuracyDrop,
    double dropLower95,
    double dropUpper95,
    long float32OnlyCorrect,
    long variantOnlyCorrect,
    double mcnemarPValue,
    McNemarMethod mcnemarMethod,
    long onnxBytes,
    long float32OnnxBytes) {}
