package org.archbench.schema.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Result files as JSON, written atomically: the content goes to a temporary file in the same
 * directory, which is then renamed over the target, so a reader (or a crash) never sees half a file.
 */
public final class JsonFiles {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private JsonFiles() {}

  /** The mapper every result file is written and read with. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Writes {@code value} as JSON to {@code file}, atomically. */
  public static void write(Path file, Object value) throws IOException {
    AtomicFiles.write(file, MAPPER.writeValueAsBytes(value));
  }

  /** Reads {@code file} as a {@code type}; the message of a bad file names it. */
  public static <T> T read(Path file, Class<T> type) throws IOException {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new IOException(
          file + ": expected a " + type.getSimpleName() + " as JSON, could not read it: "
              + e.getMessage(),
          e);
    }
  }
}
