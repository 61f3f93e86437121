/**
 * The one owner of models/&lt;arch&gt;/: {@link org.archbench.harness.model.ModelStore} writes a trained
 * model, {@link org.archbench.harness.model.ModelFiles} reads one, {@link
 * org.archbench.harness.model.ModelExport} adds its ONNX file, and {@link
 * org.archbench.harness.model.ModelVariant}s name the artifacts (float32, ...) apart from the engines
 * that run them.
 */
package org.archbench.harness.model;
