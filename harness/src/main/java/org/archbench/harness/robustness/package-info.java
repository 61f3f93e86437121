/**
 * The robustness study: seeded corruptions of the test set (MNIST-C / ImageNet-C style), the
 * corrupted sets on disk, the contact sheet, corruption errors, and robustness/&lt;arch&gt;.json.
 */
package org.archbench.harness.robustness;
