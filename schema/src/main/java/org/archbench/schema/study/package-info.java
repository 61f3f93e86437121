/**
 * The result records of the studies that train further models to answer one question each:
 * transfer learning from a pretrained base, and one loss against another.
 */
package org.archbench.schema.study;
