package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** One-element float32 arrays for the values no gradient reaches (counts of a table's shape). */
public final class Scalars {

  private Scalars() {}

  /**
   * A constant feature value.
   *
   * @param manager the manager of the array
   * @param value the value
   * @return a float32 array of shape (1)
   */
  public static NDArray of(NDManager manager, double value) {
    return manager.create(new float[] {(float) value});
  }
}
