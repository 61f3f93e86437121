package org.archbench.harness.training;

import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.archbench.schema.training.EpochRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a training shows while it runs: a progress bar per epoch, and a log line per epoch. */
final class TrainingProgress {

  private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);

  private final String arch;
  private final int totalEpochs;

  TrainingProgress(String arch, int totalEpochs) {
    this.arch = arch;
    this.totalEpochs = totalEpochs;
  }

  /**
   * A bar that redraws every second on a terminal; without one (Maven, CI logs) a plain log line
   * every 15 seconds instead of a stream of carriage returns.
   */
  ProgressBar epochBar(int epoch, int batchCount) {
    ProgressBarBuilder builder =
        new ProgressBarBuilder()
            .setTaskName(String.format(Locale.ROOT, "%s %d/%d", arch, epoch, totalEpochs))
            .setInitialMax(batchCount)
            .continuousUpdate();
    if (System.console() == null) {
      builder
          .setConsumer(new DelegatingProgressBarConsumer(LOG::info))
          .setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(15_000);
    } else {
      builder.setUpdateIntervalMillis(1000);
    }
    return builder.build();
  }

  /** One log line per finished epoch. */
  void epochDone(EpochRecord record) {
    String validation = record.validated()
        ? String.format(Locale.ROOT, "validation %.2f%% (loss %.4f)",
            100 * record.validationAccuracy(), record.validationLoss())
        : "not validated";
    LOG.info(String.format(Locale.ROOT,
        "%s epoch %d/%d: loss %.4f, train %.2f%%, %s, %.0f img/s, %.1f s, RssAnon %d MiB,"
            + " heap %d MiB",
        arch, record.epoch(), totalEpochs, record.trainLoss(), 100 * record.trainAccuracy(),
        validation, record.imagesPerSecond(), record.trainSeconds(), record.rssAnonBytes() >> 20,
        record.heapCommittedBytes() >> 20));
  }
}
