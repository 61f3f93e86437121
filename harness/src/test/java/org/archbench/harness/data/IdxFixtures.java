package org.archbench.harness.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * Small IDX files made inside the tests, and a dataset entry whose checksums are theirs, so that
 * every path of the real loader runs without the real dataset.
 */
final class IdxFixtures {

  static final int ROWS = 4;
  static final int COLS = 3;
  static final int CLASSES = 10;
  static final int TRAIN_COUNT = 40;
  static final int TEST_COUNT = 20;

  private IdxFixtures() {}

  /** The bytes of an unsigned-byte IDX file with these dimensions and values. */
  static byte[] idx(int[] dimensions, byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(IdxReader.magicNumber(dimensions.length));
      for (int dimension : dimensions) {
        out.writeInt(dimension);
      }
      out.write(data);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] content) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Pixels whose value encodes the image index and position, so mix-ups show. */
  static byte[] pixels(int count, int seed) {
    byte[] data = new byte[count * ROWS * COLS];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + seed);
    }
    return data;
  }

  /** Labels cycling through every class, so each class has count / CLASSES images. */
  static byte[] labels(int count) {
    byte[] labels = new byte[count];
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % CLASSES);
    }
    return labels;
  }

  /** The four files of a tiny dataset, uncompressed, in {@link IdxDataset#files()} order. */
  static List<byte[]> contents() {
    return List.of(
        idx(new int[] {TRAIN_COUNT, ROWS, COLS}, pixels(TRAIN_COUNT, 1)),
        idx(new int[] {TRAIN_COUNT}, labels(TRAIN_COUNT)),
        idx(new int[] {TEST_COUNT, ROWS, COLS}, pixels(TEST_COUNT, 2)),
        idx(new int[] {TEST_COUNT}, labels(TEST_COUNT)));
  }

  /** A dataset entry for {@link #contents()}, downloading from {@code downloadBase}. */
  static IdxDataset dataset(Path systemDirectory, URI downloadBase) {
    List<byte[]> contents = contents();
    return new IdxDataset(
        "tiny",
        "Tiny",
        List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"),
        ROWS,
        COLS,
        new IdxFileSpec("train-images-idx3-ubyte", sha256(contents.get(0)), TRAIN_COUNT),
        new IdxFileSpec("train-labels-idx1-ubyte", sha256(contents.get(1)), TRAIN_COUNT),
        new IdxFileSpec("t10k-images-idx3-ubyte", sha256(contents.get(2)), TEST_COUNT),
        new IdxFileSpec("t10k-labels-idx1-ubyte", sha256(contents.get(3)), TEST_COUNT),
        "TINY_DIR",
        Optional.of("dataset-tiny"),
        systemDirectory,
        downloadBase,
        List.of());
  }

  /** Writes the tiny dataset's four files into {@code directory}, gzip-compressed or raw. */
  static Path writeAll(IdxDataset dataset, Path directory, boolean compressed) throws IOException {
    Files.createDirectories(directory);
    List<byte[]> contents = contents();
    List<IdxFileSpec> files = dataset.files();
    for (int i = 0; i < files.size(); i++) {
      IdxFileSpec spec = files.get(i);
      if (compressed) {
        Files.write(directory.resolve(spec.gzipName()), gzip(contents.get(i)));
      } else {
        Files.write(directory.resolve(spec.name()), contents.get(i));
      }
    }
    return directory;
  }
}
