package org.archbench.schema.training;

/**
 * The engine a run used, as recorded with its results.
 *
 * @param name DJL's engine name
 * @param version the engine's version (e.g. PyTorch's)
 * @param device the device actually used, e.g. {@code cpu()} or {@code gpu(0)}
 * @param intraOpThreads threads within one operator
 * @param interOpThreads threads across operators
 */
public record EngineInfo(
    String name, String version, String device, int intraOpThreads, int interOpThreads) {}
