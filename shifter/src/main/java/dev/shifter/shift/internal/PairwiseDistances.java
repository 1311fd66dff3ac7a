package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.EngineScalars;

/** Squared Euclidean distances between the rows of two matrices, for the kernel regularizers. */
final class PairwiseDistances {
  private PairwiseDistances() {}

  /**
   * Returns {@code |a_i - b_j|^2} for every pair of rows, never negative.
   *
   * @param a an {@code n x d} matrix
   * @param b an {@code m x d} matrix
   * @return the {@code n x m} distances
   */
  static NDArray squared(NDArray a, NDArray b) {
    NDArray squaredA = a.square().sum(new int[] {1}, true);
    NDArray squaredB = b.square().sum(new int[] {1}, true).transpose();
    return squaredA.add(squaredB).sub(a.matMul(b.transpose()).mul(EngineScalars.of(a, 2.0)))
        .maximum(EngineScalars.of(a, 0.0));
  }
}
