package org.archbench.schema.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Result files as JSON, written atomically ({@link AtomicFiles}): a reader, or a crash, never sees
 * half a file. A record marked {@link ResultFormat} is written with its format version as the first
 * field, and read back only if that version's major is one this archbench knows.
 *
 * <p>Every field a record has must be in its file ({@link MissingFields} says which may be null).
 * {@link #read} ignores fields it does not know, so a file of a newer minor version still reads;
 * {@link #readStrictly} does not, for fixtures and golden files, where an unknown or missing field
 * means a writer and its record have drifted apart.
 */
public final class JsonFiles {

  /** The field every versioned result file starts with. */
  public static final String FORMAT_VERSION = "formatVersion";

  /** Nine digits at most, so that a major version always fits an int (found by the fuzzer). */
  private static final Pattern VERSION = Pattern.compile("([0-9]{1,9})\\.([0-9]{1,9})");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .build();

  private JsonFiles() {}

  /** The mapper every result file is written and read with. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Writes {@code value} as JSON to {@code file}, atomically, versioned if it is a result file. */
  public static void write(Path file, Object value) throws IOException {
    AtomicFiles.write(file, bytes(value));
  }

  /** The bytes {@link #write} writes. */
  public static byte[] bytes(Object value) throws IOException {
    ResultFormat format = value.getClass().getAnnotation(ResultFormat.class);
    if (format == null) {
      return MAPPER.writeValueAsBytes(value);
    }
    ObjectNode versioned = MAPPER.createObjectNode();
    versioned.put(FORMAT_VERSION, format.major() + "." + format.minor());
    versioned.setAll((ObjectNode) MAPPER.valueToTree(value));
    return MAPPER.writeValueAsBytes(versioned);
  }

  /**
   * Reads {@code file} as a {@code type}; the message of a bad file names it.
   *
   * @throws IOException if the file is not JSON, not a {@code type}, or of a newer major format
   */
  public static <T> T read(Path file, Class<T> type) throws IOException {
    return read(file, type, MAPPER);
  }

  /** {@link #read}, failing on any field the record does not have or the file lacks. */
  public static <T> T readStrictly(Path file, Class<T> type) throws IOException {
    return read(file, type, STRICT);
  }

  /**
   * Parses {@code file} as JSON; the message of a file that does not parse names it, says what was
   * {@code expected} and ends with the {@code remedy}.
   *
   * @throws IOException if the file cannot be read or does not parse
   */
  public static JsonNode readTree(Path file, String expected, String remedy) throws IOException {
    return readTree(file, MAPPER, expected, remedy);
  }

  private static JsonNode readTree(Path file, ObjectMapper mapper, String expected, String remedy)
      throws IOException {
    try {
      return mapper.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw notParsing(file, expected, e.getOriginalMessage(), remedy, e);
    } catch (CharConversionException e) {
      // Bytes that are in no Unicode encoding Jackson detects: not a JsonProcessingException.
      throw notParsing(file, expected, e.getMessage(), remedy, e);
    }
  }

  private static IOException notParsing(
      Path file, String expected, String detail, String remedy, IOException cause) {
    return new IOException(file + ": expected " + expected + ", found a file that does not parse: "
        + detail + ". " + remedy, cause);
  }

  private static <T> T read(Path file, Class<T> type, ObjectMapper mapper) throws IOException {
    JsonNode tree =
        readTree(file, mapper, "a JSON result file", "Run the stage that writes it again.");
    if (tree.isMissingNode() || tree.isNull()) {
      // Jackson reads either as a null record, which would fail later and far from the file.
      throw new IOException(file + ": expected a " + type.getSimpleName() + " as JSON, found "
          + (tree.isNull() ? "null" : "an empty file") + ". Run the stage that writes it again.");
    }
    ResultFormat format = type.getAnnotation(ResultFormat.class);
    if (format != null && tree instanceof ObjectNode object) {
      requireKnownVersion(file, object.remove(FORMAT_VERSION), format);
    }
    T value;
    try {
      value = mapper.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": expected a " + type.getSimpleName() + " as JSON, could not"
          + " read it: " + e.getOriginalMessage(), e);
    }
    Optional<String> missing = MissingFields.in(value);
    if (missing.isPresent()) {
      throw new IOException(file + ": expected a " + type.getSimpleName() + " with every field,"
          + " found " + missing.get() + " missing or null. The file is damaged or was edited: run"
          + " the stage that writes it again.");
    }
    return value;
  }

  /**
   * The minor format version {@code tree}, a result file read as JSON, gives: 0 for a file written
   * before versions were recorded (version 1.0), and for one whose version is not MAJOR.MINOR.
   */
  public static int minorVersion(JsonNode tree) {
    Matcher version = VERSION.matcher(tree.path(FORMAT_VERSION).asText("1.0"));
    return version.matches() ? Integer.parseInt(version.group(2)) : 0;
  }

  /** A result file of a major format version newer than this archbench reads. */
  public static final class NewerFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String version;

    NewerFormatException(String message, String version) {
      super(message);
      this.version = version;
    }

    /** The version the file gives, e.g. {@code 2.0}. */
    public String version() {
      return version;
    }
  }

  /**
   * Accepts a file of a major version up to the one {@code format} gives; a file without a version
   * was written before versions were recorded, and is of version 1.0.
   */
  static void requireKnownVersion(Path file, JsonNode found, ResultFormat format)
      throws IOException {
    if (found == null) {
      return;
    }
    Matcher version = VERSION.matcher(found.asText());
    if (!found.isTextual() || !version.matches()) {
      throw new IOException(file + ": expected " + FORMAT_VERSION + " MAJOR.MINOR (e.g. \""
          + format.major() + "." + format.minor() + "\"), found " + found
          + ". The file is damaged: run the stage that writes " + format.file() + " again.");
    }
    int major = Integer.parseInt(version.group(1));
    if (major > format.major()) {
      throw new NewerFormatException(file + ": expected " + format.file() + " of format version "
          + format.major() + ".x or older (what this archbench reads), found version "
          + found.asText() + ", written by a newer archbench. Read it with that archbench, or run"
          + " the stage that writes it again with this one.", found.asText());
    }
  }
}
