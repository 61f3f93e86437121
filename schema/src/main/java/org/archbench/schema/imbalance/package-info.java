/**
 * imbalance/&lt;arch&gt;.json: the long-tail study of one architecture.
 */
package org.archbench.schema.imbalance;
