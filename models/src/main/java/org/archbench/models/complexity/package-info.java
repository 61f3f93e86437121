/**
 * What an architecture costs before it runs: parameters, MACs, FLOPs and activation memory.
 */
package org.archbench.models.complexity;
