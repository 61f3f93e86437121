/**
 * Which model file a result measured: {@link org.archbench.schema.provenance.MeasuredModel}, the
 * file and its hash as a result records them, and
 * {@link org.archbench.schema.provenance.ModelChanges}, whether the run still holds that file.
 */
package org.archbench.schema.provenance;
