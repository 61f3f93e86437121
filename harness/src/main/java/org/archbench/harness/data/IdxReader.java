package org.archbench.harness.data;

import org.archbench.schema.io.Sha256;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads unsigned-byte IDX files (LeCun's MNIST format), raw or gzip-compressed, in one pass that also
 * computes the SHA-256 of the uncompressed content.
 *
 * <p>Compression is recognised by the gzip magic bytes, not by the file name, so a compressed file
 * that lost its {@code .gz} suffix still reads. Anything else that is not a complete IDX file of the
 * expected rank is an {@link IdxFormatException} saying what was expected and what was found.
 */
public final class IdxReader {

  /** IDX type code of unsigned bytes, the third byte of the magic number. */
  private static final int UNSIGNED_BYTE = 0x08;

  private static final int GZIP_MAGIC_FIRST = 0x1f;
  private static final int GZIP_MAGIC_SECOND = 0x8b;
  private static final int BUFFER_BYTES = 1 << 16;

  private IdxReader() {}

  /** The IDX magic number of an unsigned-byte file of this rank: 2049 for labels, 2051 for images. */
  public static int magicNumber(int rank) {
    return (UNSIGNED_BYTE << 8) | rank;
  }

  /**
   * Reads a whole unsigned-byte IDX file.
   *
   * @param file the file, raw or gzip-compressed
   * @param expectedRank the number of dimensions it must have: 1 for labels, 3 for images
   * @throws IdxFormatException if the file is not a complete IDX file of that rank
   * @throws IOException if the file cannot be read
   */
  public static IdxArray read(Path file, int expectedRank) throws IOException {
    try (InputStream buffered = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES)) {
      MessageDigest sha256 = Sha256.digest();
      try (InputStream content =
          new DigestInputStream(decompressIfGzip(file, buffered), sha256)) {
        return readContent(file, content, expectedRank, sha256);
      }
    } catch (NoSuchFileException e) {
      throw new IdxFormatException(file, "missing file", "an IDX file", "no such file", e);
    } catch (AccessDeniedException e) {
      throw new IdxFormatException(file, "unreadable file", "a file this user may read",
          "permission denied; let it be read (chmod a+r) or copy it elsewhere", e);
    } catch (ZipException e) {
      // The gzip trailer is checked when the stream ends: its CRC-32 or length disagrees.
      throw corrupt(file, "a gzip trailer whose CRC-32 and length match the data", e);
    }
  }

  private static InputStream decompressIfGzip(Path file, InputStream buffered) throws IOException {
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    if (first != GZIP_MAGIC_FIRST || second != GZIP_MAGIC_SECOND) {
      return buffered;
    }
    try {
      return new GZIPInputStream(buffered, BUFFER_BYTES);
    } catch (EOFException | ZipException e) {
      throw new IdxFormatException(
          file, "corrupt gzip header", "a complete gzip header", e.getMessage(), e);
    }
  }

  private static IdxArray readContent(
      Path file, InputStream in, int expectedRank, MessageDigest sha256) throws IOException {
    int headerBytes = 4 + 4 * expectedRank;
    byte[] header = readUpTo(file, in, headerBytes, "header");
    int headerRead = header.length;
    if (headerRead < 4) {
      throw truncated(file, "a 4-byte magic number", headerRead + " bytes in the whole file");
    }
    ByteBuffer headerBuffer = ByteBuffer.wrap(header);
    int magic = headerBuffer.getInt();
    if (magic != magicNumber(expectedRank)) {
      throw new IdxFormatException(
          file,
          "wrong magic number",
          magicNumber(expectedRank) + " (unsigned bytes, " + expectedRank + " dimensions)",
          magic + String.format(Locale.ROOT, " (0x%08x)", magic) + describeMagic(magic));
    }
    if (headerRead < headerBytes) {
      throw truncated(file, headerBytes + " header bytes", headerRead + " bytes");
    }
    int[] dimensions = new int[expectedRank];
    for (int i = 0; i < expectedRank; i++) {
      dimensions[i] = headerBuffer.getInt();
      if (dimensions[i] <= 0) {
        throw new IdxFormatException(
            file, "invalid dimension " + i, "a positive size", String.valueOf(dimensions[i]));
      }
    }
    long size = 1;
    for (int dimension : dimensions) {
      // Checked at every step: three dimensions of 2^31 would overflow even a long.
      size *= dimension;
      if (size > Integer.MAX_VALUE - 8) {
        throw new IdxFormatException(file, "too large", "at most 2^31 values",
            "dimensions " + Arrays.toString(dimensions) + ", more values than that");
      }
    }
    byte[] data = readUpTo(file, in, (int) size, "data");
    if (data.length < size) {
      throw truncated(
          file,
          String.format(
              Locale.ROOT,
              "%,d data bytes for dimensions %s after the %d-byte header",
              size, Arrays.toString(dimensions), headerBytes),
          String.format(Locale.ROOT, "%,d bytes", data.length));
    }
    if (in.read() != -1) {
      throw new IdxFormatException(
          file,
          "unexpected bytes after the data",
          String.format(
              Locale.ROOT,
              "the file to end after %,d bytes (dimensions %s)",
              headerBytes + size, Arrays.toString(dimensions)),
          "more bytes: is this the right file?");
    }
    return new IdxArray(file, dimensions, data, HexFormat.of().formatHex(sha256.digest()));
  }

  /**
   * Reads up to {@code count} bytes, fewer if the content ends first. The header's dimensions are
   * not trusted for the allocation: a 16-byte file that declares two billion values gets memory for
   * what it holds, and then its error.
   */
  private static byte[] readUpTo(Path file, InputStream in, int count, String part)
      throws IOException {
    String expected = String.format(Locale.ROOT, "%,d bytes of %s", count, part);
    try {
      return in.readNBytes(count);
    } catch (ZipException e) {
      throw corrupt(file, expected, e);
    } catch (EOFException e) {
      // A truncated gzip stream ends with an exception instead of -1.
      throw truncated(file, expected,
          "fewer: the compressed stream broke off (" + e.getMessage() + ")", e);
    }
  }

  private static String describeMagic(int magic) {
    if (magic == magicNumber(1)) {
      return ": a label file";
    }
    if (magic == magicNumber(3)) {
      return ": an image file";
    }
    return ": not an unsigned-byte IDX file";
  }

  /** Compressed data that does not decompress: damaged, as opposed to cut short. */
  private static IdxFormatException corrupt(Path file, String expected, ZipException e) {
    return new IdxFormatException(file, "corrupt gzip data", expected,
        "damaged compressed data (" + e.getMessage() + "); fetch the file again", e);
  }

  private static IdxFormatException truncated(Path file, String expected, String found) {
    return truncated(file, expected, found, null);
  }

  private static IdxFormatException truncated(
      Path file, String expected, String found, Throwable cause) {
    return new IdxFormatException(file, "truncated file", expected, found, cause);
  }
}
