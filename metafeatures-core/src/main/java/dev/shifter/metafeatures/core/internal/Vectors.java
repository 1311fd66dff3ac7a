package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.List;

/** Joins feature pieces into one vector without losing their gradient. */
public final class Vectors {

  private Vectors() {}

  /**
   * Concatenates 1-D arrays. DJL's concatenation of a single array copies it without its autograd graph,
   * so a single piece is returned as it is.
   *
   * @param pieces the arrays, at least one
   * @return their concatenation
   */
  public static NDArray concat(List<NDArray> pieces) {
    return pieces.size() == 1 ? pieces.get(0) : NDArrays.concat(new NDList(pieces));
  }
}
