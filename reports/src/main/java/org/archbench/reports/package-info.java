/** Reads archbench's result files and renders the self-contained HTML report. */
package org.archbench.reports;
