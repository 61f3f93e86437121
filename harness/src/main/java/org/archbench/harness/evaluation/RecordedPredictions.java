package org.archbench.harness.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.archbench.harness.data.LabeledImages;
import org.archbench.schema.provenance.MeasuredModel;
import org.archbench.schema.provenance.ModelChanges;
import org.archbench.schema.ModelVariantIds;
import org.archbench.schema.OutputLayout;
import org.archbench.schema.eval.EngineEvaluation;
import org.archbench.schema.eval.EvaluationReport;
import org.archbench.schema.io.JsonFiles;
import org.archbench.schema.io.Sha256;

/**
 * The float32 model's predictions of one engine, as a later stage (stats) reads them: only when
 * eval/&lt;arch&gt;.json lists them, they are the very file it was written with, and the model they
 * came from is still the one in the run; with that model, which the later result records.
 *
 * @param predicted the predicted class of each test image
 * @param model the model file they came from; null where an older eval/&lt;arch&gt;.json, or none,
 *     does not record it
 */
public record RecordedPredictions(int[] predicted, MeasuredModel model) {

  /**
   * Reads the predictions of the float32 model of {@code arch} on {@code engine}.
   *
   * @throws IOException if they do not read, eval/&lt;arch&gt;.json does not list them, they are not
   *     the file it was written with, or the model has changed since, naming the file and what to
   *     run again
   */
  public static RecordedPredictions read(OutputLayout layout, String arch, String engine,
      LabeledImages test) throws IOException {
    Path file = layout.predictions(arch, engine);
    Path evaluation = layout.evaluation(arch);
    int[] predicted = PredictionsFile.read(file, test);
    if (!Files.isRegularFile(evaluation)) {
      return new RecordedPredictions(predicted, null);
    }
    String evaluationName = layout.name(evaluation);
    Optional<EngineEvaluation> entry = JsonFiles.read(evaluation, EvaluationReport.class)
        .engine(engine, ModelVariantIds.FLOAT32);
    String evaluate = "; run archbench evaluate --arch " + arch + " --engines " + engine;
    if (entry.isEmpty()) {
      throw new IOException(file + ": expected predictions " + evaluationName + " lists, found"
          + " that it lists no results of " + engine + evaluate);
    }
    String recorded = entry.get().predictionsSha256();
    if (recorded != null && !recorded.equals(Sha256.hex(file))) {
      throw new IOException(file + ": expected the predictions " + evaluationName + " was written"
          + " with (sha256 " + recorded.substring(0, 12) + "), found other bytes: a run stopped"
          + " between writing the two" + evaluate);
    }
    Optional<String> stale = new ModelChanges(layout)
        .stale(entry.get().model(), evaluationName, "evaluate");
    if (stale.isPresent()) {
      throw new IOException(evaluation + ": " + stale.get());
    }
    return new RecordedPredictions(predicted, entry.get().model());
  }
}
