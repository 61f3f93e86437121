/**
 * eval/&lt;arch&gt;.json: every engine's test-set results, the model's cost and the engines' agreement.
 */
package org.archbench.schema.eval;
