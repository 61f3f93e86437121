/**
 * training/&lt;arch&gt;.json and models/&lt;arch&gt;/key.json: the training configuration (which is part of a
 * model's key), the history of every epoch and the final accuracies.
 */
package org.archbench.schema.training;
