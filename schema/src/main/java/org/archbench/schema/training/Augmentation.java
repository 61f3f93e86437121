package org.archbench.schema.training;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Random training-time changes to each image, drawn from the epoch's seeded stream.
 *
 * @param maxShift shift each image by up to this many pixels along each axis, filling with zeros
 *     (zero padding and a random crop); 0 turns shifting off
 * @param horizontalFlip mirror each image left-right with probability 1/2
 */
public record Augmentation(int maxShift, boolean horizontalFlip) {

  public static final Augmentation NONE = new Augmentation(0, false);

  public Augmentation {
    if (maxShift < 0 || maxShift > 8) {
      throw new IllegalArgumentException("expected a shift of 0 to 8 pixels, found " + maxShift);
    }
  }

  @JsonIgnore // derived, not a field of the recorded configuration
  public boolean isNone() {
    return maxShift == 0 && !horizontalFlip;
  }
}
