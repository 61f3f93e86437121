package org.archbench.schema.eval;

/**
 * What a model costs before it runs: its size in parameters and MACs per image, and the bytes of its
 * exported files, so that result readers (the report) need not rebuild the architecture.
 *
 * @param parameters learned parameters
 * @param macs multiply-accumulates per image
 * @param flops floating-point operations per image (2 x MACs)
 * @param activationBytesPerImage activation memory of one image's forward pass
 * @param onnxBytes size of the .onnx file, -1 when not exported
 * @param djlParamsBytes size of the DJL .params file, -1 when absent
 */
public record ModelCost(
    long parameters,
    long macs,
    long flops,
    long activationBytesPerImage,
    long onnxBytes,
    long djlParamsBytes) {}
