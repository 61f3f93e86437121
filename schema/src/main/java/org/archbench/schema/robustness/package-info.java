/**
 * robustness/&lt;arch&gt;.json: accuracy under every corruption and severity, CE and mCE.
 */
package org.archbench.schema.robustness;
