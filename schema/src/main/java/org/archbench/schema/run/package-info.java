/**
 * run.json: the machine, the preset and every stage's wall time and outcome.
 */
package org.archbench.schema.run;
