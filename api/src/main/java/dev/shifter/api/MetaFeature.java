package dev.shifter.api;

import ai.djl.ndarray.NDArray;

/**
 * A differentiable statistic of a table: {@code M(X)}, written with NDArray operations so that gradients flow
 * back to the table's values. A feature of the continuous columns implements {@link #compute(NDArray)} on the
 * {@code n x d} float32 matrix; a feature that needs the categorical columns or the class overrides
 * {@link #compute(TableView)} instead, which by default hands the continuous matrix to the former.
 *
 * <p>A plug-in implements {@link #name()}, {@link #arity()}, {@link #description()} and one of the two
 * {@code compute} methods; {@link #domain()}, {@link #needsLabel()} and {@link #measureOnly()} have defaults.
 * Implementations must be stateless and thread-safe, must not close their input, and should return an array
 * attached to the input's manager.
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
   * Computes the feature of the continuous columns. The default refuses: a feature of the whole table
   * overrides {@link #compute(TableView)} instead.
   *
   * @param x an {@code n x d} float32 matrix, one column per continuous variable
   * @return a float32 vector of length {@code d}, {@code d(d-1)/2} or 1, as {@link #arity()} says
   * @throws InvalidInputException if the feature needs more of the table than its continuous columns
   */
  default NDArray compute(NDArray x) {
    throw new InvalidInputException("Meta-feature '" + name() + "' needs the whole table (its categorical "
        + "columns or its label), not only the continuous matrix. Compute it on a TableView.");
  }

  /**
   * Computes the feature of a table view. The default computes {@link #compute(NDArray)} on the view's
   * continuous matrix, so that a feature of the continuous columns need not know of views.
   *
   * @param table the table's continuous matrix, categorical one-hot blocks and label
   * @return a float32 vector of the length {@link Arity#outputLength(TableView)} gives
   */
  default NDArray compute(TableView table) {
    return compute(table.continuous());
  }

  /**
   * Tells whether the feature needs the label column; without one, it is left out of a table's values.
   * The default is false.
   *
   * @return true for a class-aware feature
   */
  default boolean needsLabel() {
    return false;
  }

  /**
   * Tells whether no gradient reaches the feature's value (a count of the table's shape, a tree's size), so
   * that it can be measured but not trained for. The default is false.
   *
   * @return true if the feature is measure-only
   */
  default boolean measureOnly() {
    return false;
  }

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
