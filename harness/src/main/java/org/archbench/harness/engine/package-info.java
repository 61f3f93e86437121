/**
 * The inference engines behind one interface: {@link org.archbench.harness.engine.InferenceEngine}
 * runs batches of images to logits; each engine is an {@link org.archbench.harness.engine.EngineKind}
 * registered with ServiceLoader and listed by {@link org.archbench.harness.engine.Engines}. Also the
 * batched inference over whole image sets, and the CUDA check.
 */
package org.archbench.harness.engine;
