package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** One-hot arrays from integer codes, and codes from one-hot arrays. */
public final class OneHot {

  private OneHot() {}

  /**
   * The {@code n x k} float32 one-hot of codes.
   *
   * @param manager the manager of the array
   * @param codes each row's code, {@code 0 .. k - 1}
   * @param k the number of codes
   * @return the one-hot array
   */
  public static NDArray of(NDManager manager, int[] codes, int k) {
    float[] values = new float[codes.length * k];
    for (int r = 0; r < codes.length; r++) {
      values[r * k + codes[r]] = 1f;
    }
    return manager.create(values, new Shape(codes.length, k));
  }

  /**
   * Each row's code: the column of its largest entry (the hard category of a straight-through one-hot).
   *
   * @param oneHot an {@code n x k} array
   * @return the codes
   */
  public static int[] codes(NDArray oneHot) {
    int n = Math.toIntExact(oneHot.getShape().get(0));
    int k = Math.toIntExact(oneHot.getShape().get(1));
    float[] values = oneHot.toType(DataType.FLOAT32, false).toFloatArray();
    int[] codes = new int[n];
    for (int r = 0; r < n; r++) {
      int best = 0;
      for (int j = 1; j < k; j++) {
        if (values[r * k + j] > values[r * k + best]) {
          best = j;
        }
      }
      codes[r] = best;
    }
    return codes;
  }
}
