package org.archbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.archbench.schema.stats.McNemarMethod;
import org.archbench.schema.stats.SignificancePair;
import org.archbench.schema.study.TestAccuracy;
import org.archbench.schema.study.TransferReport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transfer and loss sections say what their figures add up to, from the fixture's studies. */
class StudySectionsTest {

  @TempDir Path out;

  @Test
  void theTransferSectionAnswersWhenThePretrainedBaseHelps() throws IOException {
    Document page = Jsoup.parse(HtmlReport.write(Fixtures.run(), out, null).toFile());

    String transfer = page.select("#transfer").text();
    // The fixture: scratch 62.30%, frozen 72.88%, fine-tuned 74.70%, every pair significant.
    assertTrue(transfer.contains("cnn, 100 per class: frozen +10.6 points against scratch (the"
        + " pretrained base helps); fine-tuned +12.4 points against scratch (the pretrained base"
        + " helps); frozen against fine-tuned: fine-tuned better."), transfer);
    assertEquals(1, page.select("#transfer figure svg").size());
    String loss = page.select("#loss").text();
    assertTrue(loss.contains("mlp cross-entropy softmax-mse 84.63 84.71 115 123"), loss);
    assertTrue(loss.contains("no detectable difference"), loss);
    assertEquals(1, page.select("#loss figure svg").size(), "both curves on one chart");
  }

  @Test
  void aDifferenceWithinTheUncertaintyIsNoDetectableDifference() {
    TransferReport.LabelBudget budget = new TransferReport.LabelBudget(100, 500, List.of(
        regime(TransferReport.SCRATCH, 0.70), regime(TransferReport.FROZEN, 0.69),
        regime(TransferReport.FINE_TUNED, 0.75)), List.of(
        pair(TransferReport.SCRATCH, TransferReport.FROZEN, 0.70, 0.69, 0.4),
        pair(TransferReport.SCRATCH, TransferReport.FINE_TUNED, 0.70, 0.75, 0.001),
        pair(TransferReport.FROZEN, TransferReport.FINE_TUNED, 0.69, 0.75, 0.001)));

    assertEquals("frozen -1.0 points against scratch (no detectable difference from scratch);"
        + " fine-tuned +5.0 points against scratch (the pretrained base helps); frozen against"
        + " fine-tuned: fine-tuned better.", TransferSection.answer(budget));
  }

  private static TransferReport.Regime regime(String id, double accuracy) {
    return new TransferReport.Regime(id, null,
        new TestAccuracy(accuracy, accuracy - 0.01, accuracy + 0.01, 5000), 10, false);
  }

  private static SignificancePair pair(String first, String second, double firstAccuracy,
      double secondAccuracy, double holm) {
    long firstOnly = Math.round(5000 * Math.max(0, firstAccuracy - secondAccuracy)) + 100;
    long secondOnly = Math.round(5000 * Math.max(0, secondAccuracy - firstAccuracy)) + 100;
    return new SignificancePair(first, second, firstAccuracy, secondAccuracy, firstOnly,
        secondOnly, 1, holm, McNemarMethod.CHI_SQUARED_CONTINUITY_CORRECTED, holm, holm < 0.05);
  }
}
