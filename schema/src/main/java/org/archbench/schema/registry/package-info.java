/**
 * Look-up by id, the one way every registered family (engines, model variants, architectures,
 * datasets, corruptions, presets, mitigations) is found and listed.
 */
package org.archbench.schema.registry;
