package org.archbench.harness.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.archbench.harness.export.OnnxContract;
import org.archbench.harness.model.ModelFiles;
import org.archbench.harness.model.ModelVariant;
import org.archbench.models.spec.ResidualBlock;
import org.archbench.schema.engine.ComputeDevice;
import org.archbench.schema.engine.EngineSettings;
import org.archbench.schema.engine.NotSupported;
import org.opencv.core.Core;
import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * OpenCV's DNN module on the exported .onnx file: a runtime that is neither ONNX Runtime nor
 * PyTorch, with its own ONNX importer and its own CPU kernels. CPU only (the bundled build has no
 * CUDA backend). Its thread pool is process-wide, so the engine sets it from the settings' intra-op
 * count on every open; it has no inter-op parallelism, and the settings say 1.
 */
final class OpenCvDnnEngine extends ModelEngine {

  static final String ID = "opencv";
  /** How OpenCV 4.9's ONNX importer names an operator it lacks. */
  private static final Pattern UNSUPPORTED_OPERATOR = Pattern.compile(
      "Can't create layer \"[^\"]*\" of type \"([^\"]+)\"|Node \\[([A-Za-z0-9_]+)@");

  private final Net net;
  private final int[] shape;
  private Mat output;
  private ImageBatch boundBatch;
  private int boundSize;
  private Mat boundInput;
  private float[] scratch;

  private OpenCvDnnEngine(EngineKind kind, ModelFiles files, EngineSettings settings)
      throws IOException {
    super(kind, files, settings);
    this.net = read(files);
    net.setPreferableBackend(Dnn.DNN_BACKEND_OPENCV);
    net.setPreferableTarget(Dnn.DNN_TARGET_CPU);
    if (files.spec().layers().stream().anyMatch(ResidualBlock.class::isInstance)) {
      // OpenCV 4.9 fuses BatchNorm and the residual Add into the convolutions in a way that put
      // resnet's logits off by about 97, and its Winograd 3x3 kernels by about 1e-4; the plain
      // kernels match ONNX Runtime to 1e-5. The parity test holds every architecture to 1e-4.
      net.enableFusion(false);
      net.enableWinograd(false);
    }
    long[] input = inputShape(1);
    this.shape = new int[] {1, (int) input[1], (int) input[2], (int) input[3]};
  }

  /** Imports the model's .onnx; an operator OpenCV lacks is an {@link UnsupportedModelException}. */
  private static Net read(ModelFiles files) throws IOException {
    Path onnx = files.verifiedOnnx();
    try {
      return Dnn.readNetFromONNX(onnx.toString());
    } catch (CvException e) {
      Optional<String> operator = unsupportedOperator(e.getMessage());
      if (operator.isPresent()) {
        throw new UnsupportedModelException(new NotSupported(files.spec().id(), ID,
            files.variant().id(), operator.get(), e.getMessage()), onnx.toString(), e);
      }
      throw new IOException(onnx + ": expected an ONNX model OpenCV's DNN module can load, found"
          + " one it rejects: " + e.getMessage(), e);
    }
  }

  /** The operator named by OpenCV's message for a model it cannot import, if it names one. */
  static Optional<String> unsupportedOperator(String message) {
    if (message == null) {
      return Optional.empty();
    }
    Matcher matcher = UNSUPPORTED_OPERATOR.matcher(message);
    if (!matcher.find()) {
      return Optional.empty();
    }
    return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
  }

  @Override
  public String version() {
    return Core.VERSION;
  }

  @Override
  protected void infer(ImageBatch batch, float[] logits) {
    try {
      net.setInput(inputOver(batch), OnnxContract.INPUT);
      if (output != null) {
        output.release();
      }
      output = net.forward(OnnxContract.OUTPUT);
    } catch (CvException e) {
      throw new IllegalStateException("opencv: inference failed: " + e.getMessage(), e);
    }
    int values = batch.size() * classes;
    if (logits.length == values) {
      output.get(0, 0, logits);
    } else {
      // Mat.get fills the whole array it is given: read a smaller batch through a scratch array.
      if (scratch == null || scratch.length != values) {
        scratch = new float[values];
      }
      output.get(0, 0, scratch);
      System.arraycopy(scratch, 0, logits, 0, values);
    }
  }

  /**
   * A 4-d blob over {@code batch}'s direct buffer, made once per batch and size: OpenCV wraps the
   * buffer's memory without copying, so a refilled batch needs no new Mat.
   */
  private Mat inputOver(ImageBatch batch) {
    if (batch != boundBatch || batch.size() != boundSize) {
      releaseInput();
      Mat rows = new Mat(batch.size(), batch.pixelsPerImage(), CvType.CV_32F, batch.bytes());
      shape[0] = batch.size();
      boundInput = rows.reshape(1, shape);
      boundBatch = batch;
      boundSize = batch.size();
    }
    return boundInput;
  }

  private void releaseInput() {
    if (boundInput != null) {
      boundInput.release();
      boundInput = null;
      boundBatch = null;
    }
  }

  @Override
  protected void release() {
    releaseInput();
    if (output != null) {
      output.release();
    }
    // OpenCV's Java Net has no close(): its finalizer frees the native network.
  }

  /** The registration of {@code opencv}: OpenCV's DNN module on the .onnx file. */
  public static final class Kind extends EngineKind {

    private static boolean loaded;

    public Kind() {
      super(ID);
    }

    @Override
    public InferenceEngine open(ModelFiles files, EngineSettings settings) throws IOException {
      if (settings.device() != ComputeDevice.CPU) {
        throw new IllegalArgumentException("opencv: expected the CPU, found " + settings.device()
            + ": the OpenCV build on Maven Central has no CUDA backend. Leave opencv out of a GPU"
            + " run (--engines).");
      }
      startRuntime();
      Core.setNumThreads(settings.intraOpThreads());
      EngineSettings actual = new EngineSettings(ComputeDevice.CPU, settings.intraOpThreads(), 1,
          settings.optimization());
      return new OpenCvDnnEngine(this, files, actual);
    }

    /**
     * The float32 model only: OpenCV 4.9 reads the int8 QDQ models, but its int8 path returned NaN
     * logits for them when tried, so that variant is recorded as not supported rather than
     * measured wrong.
     */
    @Override
    public boolean runs(ModelVariant variant) {
      return variant.isFloat32();
    }

    @Override
    public void requireSupported(ModelFiles files) throws IOException {
      startRuntime();
      read(files);
    }

    @Override
    public synchronized String startRuntime() {
      if (!loaded) {
        // Extracts the bundled linux-x86_64 library to a temporary file and loads it; no network.
        nu.pattern.OpenCV.loadLocally();
        loaded = true;
      }
      return Core.VERSION;
    }
  }
}
