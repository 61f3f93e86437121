package org.archbench.harness.training;

import org.archbench.schema.training.ImbalanceProfile;
import org.archbench.schema.training.Mitigation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImbalanceProfileTest {

  @Test
  void exponentialRho10() {
    assertArrayEquals(new int[] {6000, 4645, 3596, 2784, 2156, 1669, 1292, 1000, 774, 600},
        new ImbalanceProfile(ImbalanceProfile.Shape.EXPONENTIAL, 10).counts(6000, 10));
  }

  @Test
  void exponentialRho100() {
    assertArrayEquals(new int[] {6000, 3596, 2156, 1292, 774, 464, 278, 166, 100, 60},
        new ImbalanceProfile(ImbalanceProfile.Shape.EXPONENTIAL, 100).counts(6000, 10));
  }

  @Test
  void stepRho10() {
    assertArrayEquals(new int[] {6000, 6000, 6000, 6000, 6000, 600, 600, 600, 600, 600},
        new ImbalanceProfile(ImbalanceProfile.Shape.STEP, 10).counts(6000, 10));
  }

  @Test
  void namesItself() {
    assertEquals("exp-rho100", new ImbalanceProfile(ImbalanceProfile.Shape.EXPONENTIAL, 100).id());
    assertEquals("step-rho10", new ImbalanceProfile(ImbalanceProfile.Shape.STEP, 10).id());
  }

  @Test
  void rhoBelowOneIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ImbalanceProfile(ImbalanceProfile.Shape.EXPONENTIAL, 0.5));

    assertEquals("expected an imbalance ratio rho >= 1 (largest over smallest class), found 0.5",
        error.getMessage());
  }

  @Test
  void parsesItsOwnNames() {
    assertEquals(new ImbalanceProfile(ImbalanceProfile.Shape.EXPONENTIAL, 100),
        ImbalanceProfile.parse("exp-rho100"));
    assertEquals(new ImbalanceProfile(ImbalanceProfile.Shape.STEP, 2.5),
        ImbalanceProfile.parse("step-rho2.5"));
  }

  @Test
  void anUnknownProfileNameSaysWhatIsExpected() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ImbalanceProfile.parse("linear-10"));

    assertEquals("expected an imbalance profile such as exp-rho100 or step-rho10 (exp or step, then"
        + " -rho and the ratio), found 'linear-10'", error.getMessage());
  }

  @Test
  void anUnknownMitigationListsTheKnownOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Mitigation.byId("smote"));

    assertEquals("expected one of the mitigations none, reweight, oversample, found 'smote'",
        error.getMessage());
  }
}
