/** JMH benchmarks over the harness's inference engines, one class per question. */
package org.archbench.benchmarks;
