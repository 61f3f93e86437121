/**
 * How an engine ran, as recorded with every result: the device, threads and graph optimisation.
 */
package org.archbench.schema.engine;
