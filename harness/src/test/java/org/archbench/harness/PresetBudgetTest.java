package org.archbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.archbench.schema.training.ImbalanceProfile;
import org.archbench.schema.training.LearningRateSchedule;
import org.archbench.schema.training.Mitigation;
import org.archbench.models.spec.Architectures;
import org.junit.jupiter.api.Test;

class PresetBudgetTest {

  @Test
  void smokeTrainsOneEpochOn3000ImagesOfEveryArchitecture() {
    PresetBudget smoke = PresetBudget.of(Preset.SMOKE);

    assertEquals(3_000, smoke.trainingImages());
    for (var spec : Architectures.all()) {
      assertEquals(1, smoke.epochs(spec.id()), spec.id());
      assertEquals(PresetBudget.of(Preset.STANDARD).recipe(spec.id()).withEpochs(1),
          smoke.recipe(spec.id()), "the standard recipe, for one epoch");
    }
    assertEquals(500, smoke.robustnessImages());
  }

  @Test
  void standardTrainsTheRecordedEpochsOnTheWholeSplitAndStudiesRho100() {
    PresetBudget standard = PresetBudget.of(Preset.STANDARD);

    assertEquals(0, standard.trainingImages());
    assertEquals(1, standard.seeds());
    assertEquals(1, standard.shift("resnet"));
    assertEquals(0, standard.shift("cnn"));
    assertEquals(new PresetBudget.Recipe(15, LearningRateSchedule.ONE_CYCLE, 3e-3f, 0),
        standard.recipe("cnn"));
    assertEquals(LearningRateSchedule.COSINE, standard.recipe("mlp").schedule());
    assertEquals(Defaults.EPOCHS, standard.epochs("an-architecture-of-the-user"));
    assertEquals(List.of("exp-rho100"), standard.imbalanceProfiles());
    assertEquals(List.of("none", "reweight"), standard.imbalanceMitigations());
    assertEquals(0, standard.robustnessImages());
  }

  @Test
  void fullRunsSeveralSeedsAndEveryImbalanceSetting() {
    PresetBudget full = PresetBudget.of(Preset.FULL);

    assertEquals(3, full.seeds());
    assertEquals(3, full.imbalanceProfiles().size());
    assertEquals(List.of("none", "reweight", "oversample"), full.imbalanceMitigations());
  }

  @Test
  void everyPresetsImbalanceSettingsParse() {
    for (Preset preset : Preset.values()) {
      PresetBudget budget = PresetBudget.of(preset);
      budget.imbalanceProfiles().forEach(ImbalanceProfile::parse);
      budget.imbalanceMitigations().forEach(Mitigation::byId);
    }
  }
}
