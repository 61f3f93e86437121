/**
 * Training with DJL's PyTorch engine: the epoch loop, the optimiser and schedules, losses,
 * augmentation, checkpoints and resume, the training sets (long tails included), and reuse of a model
 * whose key matches.
 */
package org.archbench.harness.training;
