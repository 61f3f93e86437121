/**
 * Writing files so that a crash or a second reader never sees half of one, and a published report
 * is readable by a web server: {@link AtomicFiles} for bytes, {@link JsonFiles} for result records.
 */
package org.archbench.schema.io;
