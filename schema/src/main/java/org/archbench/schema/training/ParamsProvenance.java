package org.archbench.schema.training;

import org.archbench.schema.io.ResultFormat;

/**
 * models/&lt;arch&gt;/params.json: which DJL parameter file training saved, its SHA-256, and the key
 * it was trained under, so that a parameter file copied from another model (another seed's, say)
 * is refused instead of evaluated as this one.
 *
 * @param file the parameter file's name, e.g. {@code mlp-0010.params}
 * @param sha256 the file's SHA-256
 * @param trainingKeySha256 SHA-256 of the key.json written beside it
 */
@ResultFormat(file = "models/<arch>/params.json")
public record ParamsProvenance(String file, String sha256, String trainingKeySha256) {}
