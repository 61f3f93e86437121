/** JMH's own JSON results (jmh/results.json), read as JMH wrote them. */
package org.archbench.schema.jmh;
