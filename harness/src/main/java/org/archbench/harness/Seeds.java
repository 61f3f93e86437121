package org.archbench.harness;

import java.util.Random;

/**
 * One user-facing seed, split per component: the split, the weight initialisation, the batch order
 * and each corruption get independent streams derived from it, so changing how one component draws
 * numbers never shifts another's.
 */
public final class Seeds {

  private Seeds() {}

  /**
   * The seed of {@code component} under {@code seed}: SplitMix64's finaliser over the seed mixed with
   * the component name's {@link String#hashCode()}, which the Java specification fixes.
   */
  public static long derive(long seed, String component) {
    long z = seed + 0x9E3779B97F4A7C15L * (component.hashCode() + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Fisher-Yates in place, spelled out so that the order depends only on {@link Random}'s sequence,
   * which the Java specification fixes: the same seed shuffles alike on every JVM.
   */
  public static void shuffle(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
