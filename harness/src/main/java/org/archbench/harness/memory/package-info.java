/**
 * The process's own memory, read from /proc: resident anonymous memory and its peak.
 */
package org.archbench.harness.memory;
