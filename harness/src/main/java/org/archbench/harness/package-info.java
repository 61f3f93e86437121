/** What every stage of the harness shares: default values and seed derivation. */
package org.archbench.harness;
