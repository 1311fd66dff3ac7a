package dev.shifter.api;

import ai.djl.ndarray.NDArray;

/**
 * A differentiable statistic of a table: {@code M(X)} for an {@code n x d} float32 matrix of continuous
 * columns, written with NDArray operations so that gradients flow back to {@code X}.
 *
 * <p>A plug-in implements the four abstract methods; {@link #domain()} has a default. Implementations must be stateless and
 * thread-safe, must not close {@code x}, and should return an array attached to {@code x}'s manager.
 * Invalid input raises an {@link InvalidInputException}; degenerate but valid input (a constant column,
 * very few rows) returns finite values with finite gradients, never NaN.
 */
public interface MetaFeature {

  /**
   * Returns the stable, lower-case name used in target files and on the command line, e.g.
   * {@code "skewness"}.
   *
   * @return the name
   */
  String name();

  /**
   * Returns how many values this feature produces.
   *
   * @return the arity
   */
  Arity arity();

  /**
   * Returns a one-line description for {@code shifter metafeatures --list}.
   *
   * @return the description
   */
  String description();

  /**
   * Computes the feature.
   *
   * @param x an {@code n x d} float32 matrix, one column per continuous variable
   * @return a float32 vector of length {@code d}, {@code d(d-1)/2} or 1, as {@link #arity()} says
   */
  NDArray compute(NDArray x);

  /**
   * Returns where this feature's values can lie, so that targets outside are refused before training.
   * The default, {@link FeatureDomain#ANY_REAL}, refuses nothing.
   *
   * @return the domain
   */
  default FeatureDomain domain() {
    return FeatureDomain.ANY_REAL;
  }
}
