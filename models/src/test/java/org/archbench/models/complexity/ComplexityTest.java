package org.archbench.models.complexity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.archbench.models.spec.Architectures;
import org.archbench.models.spec.BatchNorm;
import org.archbench.models.spec.Conv2d;
import org.archbench.models.spec.FeatureShape;
import org.archbench.models.spec.ResidualBlock;
import org.archbench.models.spec.SqueezeExcite;
import org.junit.jupiter.api.Test;

/** The figures of DESIGN.md's table, and the hand computations they rest on. */
class ComplexityTest {

  @Test
  void mlpMatchesTheDesign() {
    // 784*256+256 + 256*128+128 + 128*10+10; MACs without the biases
    assertEquals(235_146, Complexity.of(Architectures.MLP).parameters());
    assertEquals(784 * 256 + 256 * 128 + 128 * 10, Complexity.of(Architectures.MLP).macs());
    assertEquals(234_752, Complexity.of(Architectures.MLP).macs());
  }

  @Test
  void cnnMatchesTheDesign() {
    Complexity cnn = Complexity.of(Architectures.CNN);
    // conv 1->32 (288+32), BN 64, conv 32->64 (18432+64), BN 128, FC 3136*128+128, FC 1290
    assertEquals(320 + 64 + 18_496 + 128 + 401_536 + 1_290, cnn.parameters());
    assertEquals(421_834, cnn.parameters());
    // 28*28*32*9 + 14*14*64*32*9 + 3136*128 + 128*10
    assertEquals(225_792 + 3_612_672 + 401_408 + 1_280, cnn.macs());
    assertEquals(4_241_152, cnn.macs());
  }

  @Test
  void secnnAddsOnlyTheSqueezeExcitationLayers() {
    Complexity se32 = Complexity.of(new SqueezeExcite(8), FeatureShape.image(32, 28, 28));
    Complexity se64 = Complexity.of(new SqueezeExcite(8), FeatureShape.image(64, 14, 14));
    // 32->4->32 with biases: 128+4+128+32; 64->8->64: 512+8+512+64
    assertEquals(292, se32.parameters());
    assertEquals(1_096, se64.parameters());
    assertEquals(256 + 1_024, se32.macs() + se64.macs());

    Complexity secnn = Complexity.of(Architectures.SECNN);
    assertEquals(423_222, secnn.parameters());
    assertEquals(4_242_432, secnn.macs());
  }

  @Test
  void resnetMatchesTheDesign() {
    Complexity resnet = Complexity.of(Architectures.RESNET);
    assertEquals(272_186, resnet.parameters());
    assertEquals(31_021_952, resnet.macs());
  }

  @Test
  void projectionBlockCountsItsShortcut() {
    ResidualBlock block = new ResidualBlock(32, 2, BatchNorm.STANDARD);
    Complexity cost = Complexity.of(block, FeatureShape.image(16, 28, 28));
    // conv 16->32 s2 (4608) + BN 64 + conv 32->32 (9216) + BN 64 + 1x1 16->32 (512) + BN 64
    assertEquals(14_528, cost.parameters());
    // at 14x14: 4608*196 + 9216*196 + 512*196
    assertEquals((4_608L + 9_216 + 512) * 196, cost.macs());
  }

  @Test
  void vggMatchesTheDesign() {
    Complexity vgg = Complexity.of(Architectures.VGG);
    assertEquals(585_066, vgg.parameters());
    assertEquals(29_424_640, vgg.macs());
  }

  @Test
  void flopsAreTwiceTheMacs() {
    Complexity cnn = Complexity.of(Architectures.CNN);
    assertEquals(2 * cnn.macs(), cnn.flops());
  }

  @Test
  void activationMemoryCountsEveryLayerOutput() {
    Complexity conv = Complexity.of(Conv2d.same3x3(32, true), FeatureShape.image(1, 28, 28));
    assertEquals(32L * 28 * 28 * Float.BYTES, conv.activationBytesPerImage());
    // MLP: 256 + 256 + 128 + 128 + 10 floats (flatten is a view)
    assertEquals((256 + 256 + 128 + 128 + 10) * 4L, Complexity.of(Architectures.MLP)
        .activationBytesPerImage());
    assertEquals(List.of(), List.of());
  }
}
