/**
 * An architecture spec as a DJL block, for training and for the PyTorch engine.
 */
package org.archbench.models.djl;
