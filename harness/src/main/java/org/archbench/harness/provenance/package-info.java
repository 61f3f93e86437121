/**
 * What a run records about itself: the machine it ran on and every stage's outcome in run.json.
 */
package org.archbench.harness.provenance;
