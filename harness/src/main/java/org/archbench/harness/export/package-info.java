/**
 * The ONNX exporter: an architecture spec and its trained DJL block to an opset-17 ONNX graph, with
 * the contract every ONNX engine relies on (input and output names) and the file's provenance.
 */
package org.archbench.harness.export;
