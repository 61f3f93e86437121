/**
 * What a run leaves on disk, and nothing else: {@link OutputLayout} names every path, the
 * subpackages hold the records of the files, how they are written and read, and JMH's JSON. Every
 * module that writes or reads results shares these, so a writer and a reader cannot drift apart.
 */
package org.archbench.schema;
