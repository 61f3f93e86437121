/**
 * The class-imbalance study: long-tailed training sets, mitigations, and imbalance/&lt;arch&gt;.json.
 */
package org.archbench.harness.imbalance;
