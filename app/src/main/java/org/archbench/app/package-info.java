/**
 * The application on top of every module: {@link BenchPipeline}, which {@code mvn verify -Pbench}
 * runs, starts each stage of a run as an {@code archbench} subcommand in a JVM of its own.
 */
package org.archbench.app;
