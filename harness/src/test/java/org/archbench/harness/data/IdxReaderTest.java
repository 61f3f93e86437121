package org.archbench.harness.data;

import static org.archbench.harness.data.IdxFixtures.gzip;
import static org.archbench.harness.data.IdxFixtures.idx;
import static org.archbench.harness.data.IdxFixtures.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  @TempDir Path dir;

  private final byte[] pixels = IdxFixtures.pixels(5, 7);
  private final byte[] images = idx(new int[] {5, 4, 3}, pixels);

  @Test
  void readsRawImages() throws IOException {
    Path file = Files.write(dir.resolve("images"), images);

    IdxArray array = IdxReader.read(file, 3);

    assertArrayEquals(new int[] {5, 4, 3}, array.dimensions());
    assertArrayEquals(pixels, array.data());
    assertEquals(sha256(images), array.sha256());
    assertEquals(5, array.itemCount());
  }

  @Test
  void gzipReadsLikeRawAndHashesTheUncompressedContent() throws IOException {
    Path file = Files.write(dir.resolve("images.gz"), gzip(images));

    IdxArray array = IdxReader.read(file, 3);

    assertArrayEquals(pixels, array.data());
    assertEquals(sha256(images), array.sha256());
  }

  @Test
  void gzipIsRecognisedByItsMagicBytesNotByItsName() throws IOException {
    Path file = Files.write(dir.resolve("images-without-suffix"), gzip(images));

    assertArrayEquals(pixels, IdxReader.read(file, 3).data());
  }

  @Test
  void readsLabels() throws IOException {
    byte[] labels = {0, 9, 3, 3};
    Path file = Files.write(dir.resolve("labels"), idx(new int[] {4}, labels));

    IdxArray array = IdxReader.read(file, 1);

    assertArrayEquals(new int[] {4}, array.dimensions());
    assertArrayEquals(labels, array.data());
  }

  @Test
  void labelFileReadAsImagesIsAWrongMagicNumber() throws IOException {
    Path file = Files.write(dir.resolve("labels"), idx(new int[] {4}, new byte[4]));

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertMessage(error, file.toString(), "wrong magic number", "expected: 2051", "found:    2049",
        "a label file");
  }

  @Test
  void foreignFileIsAWrongMagicNumber() throws IOException {
    Path file = Files.writeString(dir.resolve("page.html"), "<html>not found</html>");

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertMessage(error, "wrong magic number", "not an unsigned-byte IDX file");
  }

  @Test
  void truncatedDataNamesExpectedAndFoundSizes() throws IOException {
    Path file = Files.write(dir.resolve("images"), Arrays.copyOf(images, images.length - 10));

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertEquals(file, error.file());
    assertMessage(error, "truncated file", "60 data bytes for dimensions [5, 4, 3]", "found:    50 bytes");
  }

  @Test
  void dimensionsWhoseProductOverflowsALongAreTooLarge() throws IOException {
    // Found by the fuzzer: 2147483639 * 1162167552 * 256 wraps around to a negative long.
    Path file = Files.write(dir.resolve("images"), idx(new int[] {2147483639, 1162167552, 256},
        new byte[0]));

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertMessage(error, "too large", "at most 2^31 values", "[2147483639, 1162167552, 256]");
  }

  @Test
  void aHeaderDeclaringBillionsOfValuesInATinyFileIsTruncated() throws IOException {
    Path file = Files.write(dir.resolve("images"), idx(new int[] {2147483639, 1, 1}, new byte[3]));

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertMessage(error, "truncated file", "2,147,483,639 data bytes", "found:    3 bytes");
  }

  @Test
  void truncatedHeaderIsReported() throws IOException {
    Path file = Files.write(dir.resolve("images"), Arrays.copyOf(images, 9));

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertMessage(error, "truncated file", "16 header bytes", "found:    9 bytes");
  }

  @Test
  void emptyFileIsTruncated() throws IOException {
    Path file = Files.write(dir.resolve("images"), new byte[0]);

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertMessage(error, "truncated file", "a 4-byte magic number", "0 bytes in the whole file");
  }

  @Test
  void truncatedGzipStreamIsReportedAsTruncated() throws IOException {
    byte[] large = idx(new int[] {2000, 4, 3}, IdxFixtures.pixels(2000, 3));
    byte[] compressed = gzip(large);
    Path file = Files.write(dir.resolve("images.gz"), Arrays.copyOf(compressed, compressed.length / 2));

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertMessage(error, "truncated file", "the compressed stream broke off");
  }

  @Test
  void aDamagedGzipTrailerNamesTheFileAndTheChecksum() throws IOException {
    byte[] compressed = gzip(images);
    compressed[compressed.length - 6] ^= 0x55;
    Path file = Files.write(dir.resolve("images.gz"), compressed);

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertMessage(error, file.toString(), "corrupt gzip data", "CRC-32", "fetch the file again");
  }

  @Test
  void damageInsideTheCompressedStreamIsCorruptionNotTruncation() throws IOException {
    byte[] large = idx(new int[] {2000, 4, 3}, IdxFixtures.pixels(2000, 3));
    byte[] compressed = gzip(large);
    for (int i = compressed.length / 3; i < compressed.length / 3 + 64; i++) {
      compressed[i] = (byte) 0xff;
    }
    Path file = Files.write(dir.resolve("images.gz"), compressed);

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertMessage(error, file.toString(), "corrupt gzip data");
    assertFalse(error.getMessage().contains("truncated"), error.getMessage());
  }

  @Test
  void aFileItMayNotReadSaysSo() throws IOException {
    Path file = Files.write(dir.resolve("images"), images);
    Files.setPosixFilePermissions(file, java.util.Set.of());
    assumeFalse(Files.isReadable(file), "root reads every file");

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertMessage(error, file.toString(), "unreadable file", "permission denied");
  }

  @Test
  void trailingBytesAreRejected() throws IOException {
    Path file = Files.write(dir.resolve("images"), Arrays.copyOf(images, images.length + 1));

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 3));

    assertMessage(error, "unexpected bytes after the data", "to end after 76 bytes");
  }

  @Test
  void missingFileNamesTheFile() {
    Path file = dir.resolve("absent");

    IdxFormatException error =
        assertThrows(IdxFormatException.class, () -> IdxReader.read(file, 1));

    assertMessage(error, file.toString(), "missing file");
  }

  static void assertMessage(Exception error, String... fragments) {
    for (String fragment : fragments) {
      assertTrue(
          error.getMessage().contains(fragment),
          () -> "expected the message to contain '" + fragment + "', found:\n" + error.getMessage());
    }
  }
}
