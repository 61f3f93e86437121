package org.archbench.harness.data;

import static org.archbench.harness.data.IdxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLocatorTest {

  @TempDir Path root;

  private Path home;
  private Path system;
  private Path cache;
  private IdxDataset dataset;
  private HttpServer server;
  private final List<String> requests = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    home = root.resolve("home");
    system = root.resolve("usr-share");
    cache = home.resolve(".cache/archbench/tiny");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.start();
    dataset =
        IdxFixtures.dataset(
            system, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/files/"));
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private DatasetLocator.Builder locator(Map<String, String> environment) {
    return DatasetLocator.builder(dataset)
        .optEnvironment(environment)
        .optHome(home)
        .optDownloader(new DatasetDownloader(Duration.ofSeconds(5), Duration.ofSeconds(10)));
  }

  private DatasetLocator.Builder locator() {
    return locator(Map.of());
  }

  @Test
  void readsEveryFileAndConvertsPixelsToUnitFloats() throws IOException {
    IdxFixtures.writeAll(dataset, system, true);

    LoadedDataset loaded = locator().build().load();

    assertEquals(IdxFixtures.TRAIN_COUNT, loaded.train().count());
    assertEquals(IdxFixtures.TEST_COUNT, loaded.test().count());
    byte[] raw = IdxFixtures.pixels(IdxFixtures.TEST_COUNT, 2);
    float[] pixels = loaded.test().pixels();
    for (int i = 0; i < raw.length; i++) {
      assertEquals((raw[i] & 0xFF) / 255f, pixels[i]);
    }
    assertArrayEquals(IdxFixtures.labels(IdxFixtures.TRAIN_COUNT), loaded.train().labels());
    assertEquals(
        dataset.files().stream().map(IdxFileSpec::sha256).toList(),
        loaded.verifiedFiles().stream().map(LoadedDataset.VerifiedFile::sha256).toList());
  }

  @Test
  void explicitDirectoryComesFirst() throws IOException {
    Path explicit = IdxFixtures.writeAll(dataset, root.resolve("explicit"), false);
    Path fromEnvironment = IdxFixtures.writeAll(dataset, root.resolve("env"), true);
    IdxFixtures.writeAll(dataset, cache, true);
    IdxFixtures.writeAll(dataset, system, true);

    LoadedDataset loaded =
        locator(Map.of("TINY_DIR", fromEnvironment.toString()))
            .optDataDirectory(explicit)
            .build()
            .load();

    assertEquals(explicit, loaded.directory());
    assertEquals(DatasetLocator.EXPLICIT_ORIGIN, loaded.origin());
  }

  @Test
  void environmentVariableComesBeforeCacheAndSystem() throws IOException {
    Path fromEnvironment = IdxFixtures.writeAll(dataset, root.resolve("env"), true);
    IdxFixtures.writeAll(dataset, cache, true);
    IdxFixtures.writeAll(dataset, system, true);

    LoadedDataset loaded = locator(Map.of("TINY_DIR", fromEnvironment.toString())).build().load();

    assertEquals(fromEnvironment, loaded.directory());
    assertEquals("$TINY_DIR", loaded.origin());
  }

  @Test
  void cacheComesBeforeSystemDirectory() throws IOException {
    IdxFixtures.writeAll(dataset, cache, true);
    IdxFixtures.writeAll(dataset, system, true);

    LoadedDataset loaded = locator().build().load();

    assertEquals(cache, loaded.directory());
    assertEquals(
        List.of("--data / -Dbench.data: not set", "$TINY_DIR: not set",
            "cache " + cache + ": selected"),
        loaded.placesTried().stream().map(PlaceTried::toString).toList());
  }

  @Test
  void systemDirectoryIsUsedWhenTheCacheIsIncomplete() throws IOException {
    IdxFixtures.writeAll(dataset, cache, true);
    Files.delete(cache.resolve("t10k-labels-idx1-ubyte.gz"));
    IdxFixtures.writeAll(dataset, system, false);

    LoadedDataset loaded = locator().build().load();

    assertEquals(system, loaded.directory());
    assertEquals("Debian package dataset-tiny", loaded.origin());
    assertEquals(
        "cache " + cache + ": lacks t10k-labels-idx1-ubyte[.gz]",
        loaded.placesTried().get(2).toString());
  }

  @Test
  void missingExplicitDirectoryIsAnErrorNotAFallBack() throws IOException {
    IdxFixtures.writeAll(dataset, system, true);
    Path absent = root.resolve("typo");

    DatasetException error =
        assertThrows(
            DatasetException.class, () -> locator().optDataDirectory(absent).build().load());

    assertMessage(error, "not found in the directory named by --data / -Dbench.data",
        absent + " no such directory", "Places tried", "apt-get install dataset-tiny",
        "-Dbench.data=DIR", "train-images-idx3-ubyte[.gz]");
  }

  @Test
  void anExplicitDirectoryThatIsAFileIsNamedAsOne() throws IOException {
    Path explicit = IdxFixtures.writeAll(dataset, root.resolve("explicit"), true);
    Path file = explicit.resolve("train-images-idx3-ubyte.gz");

    DatasetException error =
        assertThrows(DatasetException.class, () -> locator().optDataDirectory(file).build().load());

    assertMessage(error, file + " a file, not a directory (name the directory that holds the"
        + " dataset's files)");
  }

  @Test
  void explicitDirectoryLackingAFileNamesIt() throws IOException {
    Path explicit = IdxFixtures.writeAll(dataset, root.resolve("explicit"), true);
    Files.delete(explicit.resolve("train-labels-idx1-ubyte.gz"));

    DatasetException error =
        assertThrows(
            DatasetException.class, () -> locator().optDataDirectory(explicit).build().load());

    assertMessage(error, "lacks train-labels-idx1-ubyte[.gz]");
  }

  @Test
  void aDirectoryWhereAFileShouldBeIsNamed() throws IOException {
    Path explicit = IdxFixtures.writeAll(dataset, root.resolve("explicit"), true);
    Files.delete(explicit.resolve("train-labels-idx1-ubyte.gz"));
    Files.createDirectory(explicit.resolve("train-labels-idx1-ubyte.gz"));

    DatasetException error =
        assertThrows(
            DatasetException.class, () -> locator().optDataDirectory(explicit).build().load());

    assertMessage(error, "lacks train-labels-idx1-ubyte[.gz] (a directory of that name is there: it"
        + " must be a file)");
  }

  @Test
  void truncatedFileNamesTheFileAndTheSizes() throws IOException {
    Path explicit = IdxFixtures.writeAll(dataset, root.resolve("explicit"), false);
    Path images = explicit.resolve("train-images-idx3-ubyte");
    byte[] content = Files.readAllBytes(images);
    Files.write(images, java.util.Arrays.copyOf(content, content.length - 100));

    DatasetException error =
        assertThrows(
            DatasetException.class, () -> locator().optDataDirectory(explicit).build().load());

    assertMessage(error, images.toString(), "truncated file",
        "480 data bytes for dimensions [40, 4, 3]", "found:    380 bytes", "Places tried",
        "apt-get install dataset-tiny");
  }

  @Test
  void countMismatchIsReported() throws IOException {
    Path explicit = IdxFixtures.writeAll(dataset, root.resolve("explicit"), false);
    Files.write(explicit.resolve("t10k-labels-idx1-ubyte"),
        IdxFixtures.idx(new int[] {19}, IdxFixtures.labels(19)));

    DatasetException error =
        assertThrows(
            DatasetException.class, () -> locator().optDataDirectory(explicit).build().load());

    assertMessage(error, "wrong item count for t10k-labels-idx1-ubyte", "expected: 20 labels",
        "found:    19");
  }

  @Test
  void checksumMismatchShowsBothHashes() throws IOException {
    Path explicit = IdxFixtures.writeAll(dataset, root.resolve("explicit"), false);
    byte[] altered = IdxFixtures.contents().get(2).clone();
    altered[altered.length - 1] ^= 1;
    Files.write(explicit.resolve("t10k-images-idx3-ubyte"), altered);

    DatasetException error =
        assertThrows(
            DatasetException.class, () -> locator().optDataDirectory(explicit).build().load());

    assertMessage(error, "checksum mismatch", dataset.testImages().sha256(),
        IdxFixtures.sha256(altered));
  }

  @Test
  void labelOutOfRangeIsReported() throws IOException {
    byte[] labels = IdxFixtures.labels(IdxFixtures.TEST_COUNT);
    labels[7] = 10;
    byte[] content = IdxFixtures.idx(new int[] {IdxFixtures.TEST_COUNT}, labels);
    Path explicit = IdxFixtures.writeAll(dataset, root.resolve("explicit"), false);
    Files.write(explicit.resolve("t10k-labels-idx1-ubyte"), content);

    DatasetException error =
        assertThrows(
            DatasetException.class, () -> locator().optDataDirectory(explicit).build().load());

    assertMessage(error, "label out of range at index 7", "from 0 to 9", "found:    10");
  }

  @Test
  void downloadsIntoTheCacheOnceAndReusesIt() throws IOException {
    List<byte[]> contents = IdxFixtures.contents();
    serve(exchange -> {
      String name = Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
      int index = dataset.files().stream().map(IdxFileSpec::gzipName).toList().indexOf(name);
      respond(exchange, 200, IdxFixtures.gzip(contents.get(index)));
    });

    LoadedDataset first = locator().build().load();
    LoadedDataset second = locator().build().load();

    assertEquals(cache, first.directory());
    assertEquals(4, requests.size());
    assertEquals("cache", second.origin());
    assertEquals(4, requests.size(), "the second load must not download again");
    assertArrayEquals(first.train().pixels(), second.train().pixels());
  }

  @Test
  void droppedConnectionLeavesNothingBehind() throws IOException {
    try (ServerSocket dropping = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> answerThenDrop(dropping));
      server.start();
      dataset = IdxFixtures.dataset(
          system, URI.create("http://127.0.0.1:" + dropping.getLocalPort() + "/files/"));

      DatasetException error = assertThrows(DatasetException.class, () -> locator().build().load());

      assertMessage(error, "Download of", "train-images-idx3-ubyte.gz", "failed; nothing was kept",
          "cache " + cache + ": no such directory");
      assertEquals(List.of(), filesIn(cache));
    }
  }

  @Test
  void stalledDownloadTimesOutAndLeavesNothingBehind() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      dataset = IdxFixtures.dataset(
          system, URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/files/"));
      DatasetLocator.Builder impatient =
          locator().optDownloader(new DatasetDownloader(Duration.ofSeconds(1), Duration.ofMillis(300)));

      DatasetException error = assertThrows(DatasetException.class, () -> impatient.build().load());

      assertMessage(error, "Read timed out");
      assertEquals(List.of(), filesIn(cache));
    }
  }

  /** Announces 5,000 bytes, sends 10, and closes the connection: a transfer cut off midway. */
  private static void answerThenDrop(ServerSocket server) {
    try (Socket client = server.accept()) {
      client.getInputStream().read(new byte[4096]);
      OutputStream out = client.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(new byte[10]);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void downloadedFileThatFailsVerificationIsNotKept() throws IOException {
    byte[] wrong = IdxFixtures.gzip(IdxFixtures.idx(new int[] {3, 4, 3}, new byte[36]));
    serve(exchange -> respond(exchange, 200, wrong));

    DatasetException error = assertThrows(DatasetException.class, () -> locator().build().load());

    assertMessage(error, "wrong item count for train-images-idx3-ubyte", "expected: 40 images");
    assertEquals(List.of(), filesIn(cache));
  }

  @Test
  void httpErrorIsReported() {
    serve(exchange -> respond(exchange, 404, new byte[0]));

    DatasetException error = assertThrows(DatasetException.class, () -> locator().build().load());

    assertMessage(error, "expected HTTP 200, found 404");
  }

  @Test
  void withoutDownloadsEveryPlaceTriedIsListed() {
    Map<String, String> environment = new HashMap<>();
    environment.put("TINY_DIR", " ");

    DatasetException error =
        assertThrows(
            DatasetException.class,
            () -> locator(environment).optDownloader(null).build().load());

    assertEquals(5, error.placesTried().size());
    assertMessage(error, "downloading is turned off", "--data / -Dbench.data: not set",
        "$TINY_DIR: not set", "cache " + cache + ": no such directory",
        "Debian package dataset-tiny " + system + ": no such directory");
  }

  private void serve(Consumer<HttpExchange> handler) {
    server.createContext("/files/", exchange -> {
      requests.add(exchange.getRequestURI().getPath());
      handler.accept(exchange);
    });
  }

  private static void respond(HttpExchange exchange, int status, byte[] body) {
    try (exchange; OutputStream out = exchange.getResponseBody()) {
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      out.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> filesIn(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }
}
