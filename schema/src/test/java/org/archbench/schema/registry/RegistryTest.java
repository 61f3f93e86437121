package org.archbench.schema.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {

  record Colour(String id) {}

  private final Registry<Colour> colours =
      Registry.of("colour", List.of(new Colour("red"), new Colour("green")), Colour::id);

  @Test
  void findsByIdIgnoringCaseAndListsInOrder() {
    assertEquals(new Colour("green"), colours.byId(" Green "));
    assertEquals(List.of("red", "green"), colours.ids());
  }

  @Test
  void anUnknownIdNamesTheKnownOnes() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> colours.byId("blue"));

    assertEquals("expected one of the colours red, green, found 'blue'", unknown.getMessage());
  }

  @Test
  void twoEntriesWithOneIdAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Registry.of("colour", List.of(new Colour("red"), new Colour("RED")), Colour::id));
  }
}
