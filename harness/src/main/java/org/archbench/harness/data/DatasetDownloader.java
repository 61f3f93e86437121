package org.archbench.harness.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import org.archbench.schema.io.AtomicFiles;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one file so that it either arrives whole and verified or not at all: the bytes go to a
 * temporary file beside the target, the verifier reads it, and only then is it renamed into place.
 * An interrupted, stalled or corrupt download leaves nothing behind.
 *
 * <p>{@link HttpURLConnection} rather than {@code java.net.http.HttpClient}: only the former has a
 * read timeout, and a transfer that stalls must fail rather than hang the pipeline.
 */
public final class DatasetDownloader {

  /** Checks a downloaded file before it is moved into place. */
  @FunctionalInterface
  interface Verifier {
    void verify(Path downloaded) throws IOException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(DatasetDownloader.class);

  private final Duration connectTimeout;
  private final Duration readTimeout;

  /**
   * @param connectTimeout how long to wait for the server to accept the connection
   * @param readTimeout how long the transfer may stall before it is abandoned
   */
  public DatasetDownloader(Duration connectTimeout, Duration readTimeout) {
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /**
   * Downloads {@code url} to {@code target}, atomically.
   *
   * @throws IOException if the transfer fails, the server answers other than 200, or the verifier
   *     rejects the file; the target is then untouched and no temporary file remains
   */
  void download(URI url, Path target, Verifier verifier) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, target.getFileName().toString(), ".part");
    try {
      AtomicFiles.makeReadable(partial);
      fetch(url, partial);
      verifier.verify(partial);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      LOG.info("Downloaded and verified {}", target);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private void fetch(URI url, Path destination) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
    connection.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()));
    connection.setReadTimeout(Math.toIntExact(readTimeout.toMillis()));
    connection.setInstanceFollowRedirects(true);
    try {
      int status = connection.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        throw new IOException("download of " + url + ": expected HTTP 200, found " + status);
      }
      long expectedBytes = connection.getContentLengthLong();
      ProgressBarBuilder progress =
          new ProgressBarBuilder()
              .setTaskName("Downloading " + destination.getFileName())
              .setInitialMax(expectedBytes)
              .setUnit("MiB", 1 << 20)
              .setUpdateIntervalMillis(500);
      long copied;
      try (InputStream body = ProgressBar.wrap(connection.getInputStream(), progress);
          OutputStream out = Files.newOutputStream(destination)) {
        copied = body.transferTo(out);
      }
      if (expectedBytes >= 0 && copied != expectedBytes) {
        throw new IOException(
            "download of " + url + " broke off: expected " + expectedBytes + " bytes, found "
                + copied);
      }
    } finally {
      connection.disconnect();
    }
  }
}
