/**
 * Engine-free architecture specs (records of layers), their JSON form, and the registry of
 * architectures ({@link org.archbench.models.spec.Architectures}), which an
 * {@link org.archbench.models.spec.ArchitectureProvider} extends.
 */
package org.archbench.models.spec;
