package org.archbench.models.spec;

import org.archbench.schema.io.Sha256;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code arch.json}: an {@link ArchitectureSpec} as JSON, and the spec's hash, which keys trained
 * models and exported files to the exact network they hold.
 */
public final class ArchitectureSpecJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .build();

  private ArchitectureSpecJson() {}

  public static String toJson(ArchitectureSpec spec) {
    try {
      return MAPPER.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an ArchitectureSpec must always serialise", e);
    }
  }

  /**
   * Parses a spec; the message of a malformed or invalid one says where and what was wrong.
   *
   * @throws IOException if the JSON is not a valid spec
   */
  public static ArchitectureSpec fromJson(String json) throws IOException {
    return MAPPER.readValue(json, ArchitectureSpec.class);
  }

  public static ArchitectureSpec read(Path file) throws IOException {
    try {
      return fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new IOException(file + ": not a valid architecture spec: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of the spec's JSON: equal specs, equal hashes. */
  public static String sha256(ArchitectureSpec spec) {
    return Sha256.hex(toJson(spec).getBytes(StandardCharsets.UTF_8));
  }
}
