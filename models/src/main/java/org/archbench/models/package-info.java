/**
 * Engine-free descriptions of the architectures archbench compares: layer specs, architecture specs,
 * the registry of canonical architectures, and their complexity (parameters, MACs).
 */
package org.archbench.models;
