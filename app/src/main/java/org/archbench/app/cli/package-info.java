/**
 * The {@code archbench} command line (picocli): one subcommand per pipeline stage. Every long option
 * {@code --x} can also be given as the system property {@code bench.x}, which is how Maven's
 * {@code -Dbench.x=...} reaches it.
 */
package org.archbench.app.cli;
