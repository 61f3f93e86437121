package org.archbench.harness;

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
}
