package org.archbench.models.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ArchitectureSpecJsonTest {

  static List<ArchitectureSpec> canonical() {
    return Architectures.all();
  }

  @ParameterizedTest
  @MethodSource("canonical")
  void roundTripsThroughJson(ArchitectureSpec spec) throws IOException {
    String json = ArchitectureSpecJson.toJson(spec);

    ArchitectureSpec parsed = ArchitectureSpecJson.fromJson(json);

    assertEquals(spec, parsed);
    assertEquals(json, ArchitectureSpecJson.toJson(parsed));
    assertEquals(ArchitectureSpecJson.sha256(spec), ArchitectureSpecJson.sha256(parsed));
  }

  @Test
  void layersAreTaggedWithTheirType() {
    String json = ArchitectureSpecJson.toJson(Architectures.RESNET);

    assertTrue(json.contains("\"type\" : \"residual_block\""), json);
    assertTrue(json.contains("\"type\" : \"global_avg_pool\""), json);
  }

  @Test
  void differentSpecsHaveDifferentHashes() {
    assertNotEquals(
        ArchitectureSpecJson.sha256(Architectures.CNN), ArchitectureSpecJson.sha256(Architectures.SECNN));
  }

  @Test
  void invalidSpecInJsonIsRejectedWithTheReason() {
    String json = ArchitectureSpecJson.toJson(Architectures.MLP).replace("\"flatten\"", "\"relu\"");

    IOException error = assertThrows(IOException.class, () -> ArchitectureSpecJson.fromJson(json));

    assertTrue(error.getMessage().contains("expected a flat input for Linear[outFeatures=256]"),
        error.getMessage());
  }

  @Test
  void tooManyValuesToFlattenNameTheLayer() {
    String json = ArchitectureSpecJson.toJson(Architectures.CNN)
        .replaceFirst("\"outChannels\" : 64", "\"outChannels\" : 1000000000");

    IOException error = assertThrows(IOException.class, () -> ArchitectureSpecJson.fromJson(json));

    assertTrue(error.getMessage().contains("architecture 'cnn', layer 8: expected at most 2147483647"
        + " values to flatten, found 1000000000x7x7 = 49000000000"), error.getMessage());
  }

  @Test
  void unknownLayerTypeIsRejected() {
    String json = ArchitectureSpecJson.toJson(Architectures.MLP).replace("\"flatten\"", "\"reshape\"");

    IOException error = assertThrows(IOException.class, () -> ArchitectureSpecJson.fromJson(json));

    assertTrue(error.getMessage().contains("reshape"), error.getMessage());
  }

  @Test
  void specsThatDoNotEndInTheClassLogitsAreRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ArchitectureSpec("tiny", "", FeatureShape.image(1, 28, 28), 10,
            List.of(new Flatten(), new Linear(5))));

    assertEquals("architecture 'tiny': expected the last layer to produce 10 logits, found [5]",
        error.getMessage());
  }

  @Test
  void unknownArchitectureListsTheKnownOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Architectures.byId("alexnet"));

    assertEquals(
        "expected one of the architectures mlp, cnn, secnn, resnet, vgg, found 'alexnet'",
        error.getMessage());
  }
}
