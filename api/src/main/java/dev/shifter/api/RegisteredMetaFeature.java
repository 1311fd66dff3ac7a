package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.Supplier;

/**
 * A meta-feature as the registry knows it: the feature, the provider that contributed it and where
 * that provider was loaded from. {@link #compute(NDArray)} checks the input and the plug-in's output so
 * that a faulty plug-in is reported by name instead of corrupting a result.
 *
 * @param feature the feature itself
 * @param providerId the {@link MetaFeatureProvider#id()} of its provider
 * @param origin the jar file or class folder the provider came from
 */
public record RegisteredMetaFeature(MetaFeature feature, String providerId, String origin) {

  /**
   * Returns the feature's name.
   *
   * @return {@link MetaFeature#name()}
   */
  public String name() {
    return feature.name();
  }

  /**
   * Computes the feature with checks on both sides.
   *
   * @param x an {@code n x d} float32 matrix with {@code n >= 1} and {@code d >= 1}
   * @return the feature's float32 vector, of the length its arity gives
   * @throws InvalidInputException if {@code x} is not such a matrix
   * @throws PluginException if the feature throws, or returns a vector of the wrong shape or data type
   */
  public NDArray compute(NDArray x) {
    Shape shape = x.getShape();
    if (shape.dimension() != 2 || shape.get(0) < 1 || shape.get(1) < 1) {
      throw new InvalidInputException(
          "Meta-feature '" + name() + "' needs an n x d matrix with n >= 1 rows and d >= 1 columns, got shape "
              + shape + ". Select at least one continuous column with at least one complete row.");
    }
    if (x.getDataType() != DataType.FLOAT32) {
      throw new InvalidInputException(
          "Meta-feature '" + name() + "' needs a float32 matrix, got " + x.getDataType()
              + ". Convert it with x.toType(DataType.FLOAT32, false).");
    }
    int columns = Math.toIntExact(shape.get(1));
    return checked(() -> feature.compute(x), feature.arity().outputLength(columns), " for " + columns + " columns");
  }

  /**
   * Tells whether the feature is computed from the continuous columns alone: it does not override
   * {@link MetaFeature#compute(TableView)}, or its values are per continuous column or pair.
   *
   * @return true if a table without continuous columns gives it nothing to compute
   */
  public boolean seesOnlyContinuousColumns() {
    if (feature.arity() == Arity.PER_COLUMN || feature.arity() == Arity.PER_PAIR) {
      return true;
    }
    try {
      return feature.getClass().getMethod("compute", TableView.class).getDeclaringClass() == MetaFeature.class;
    } catch (NoSuchMethodException e) {
      return true;
    }
  }

  /**
   * Tells whether the feature needs more of a table than its continuous columns: its categorical columns or
   * its label ({@link #seesOnlyContinuousColumns()} false, or {@link MetaFeature#needsLabel()}).
   *
   * @return true if it must be computed on the whole table's view
   */
  public boolean needsWholeTable() {
    return feature.needsLabel() || !seesOnlyContinuousColumns();
  }

  /**
   * Computes the feature on a table view, with checks on both sides.
   *
   * @param view the view, with at least one row
   * @return the feature's float32 vector, of the length its arity gives for the view
   * @throws InvalidInputException if the view has no row, or the feature needs a label the view lacks
   * @throws PluginException if the feature throws, or returns a vector of the wrong shape or data type
   */
  public NDArray compute(TableView view) {
    if (view.rows() < 1) {
      throw new InvalidInputException("Meta-feature '" + name() + "' needs at least one complete row, got none.");
    }
    if (feature.needsLabel()) {
      view.requireLabel(name());
    }
    if (seesOnlyContinuousColumns() && view.continuousNames().isEmpty()) {
      throw new InvalidInputException("Meta-feature '" + name() + "' is computed on the continuous columns, and "
          + "the table has none. Read numeric columns as continuous.", Remedy.set(Remedy.Setting.CONTINUOUS_COLUMN));
    }
    return checked(() -> feature.compute(view), feature.arity().outputLength(view), " for this table");
  }

  /** Calls the feature and checks its result: a float32 vector of the expected length. */
  private NDArray checked(Supplier<NDArray> call, long expected, String input) {
    NDArray result;
    try {
      result = call.get();
    } catch (ShifterException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new PluginException(
          "Meta-feature '" + name() + "' from provider '" + providerId + "' (" + origin + ") failed: " + e
              + ". Fix or remove that plug-in; the other meta-features are unaffected.",
          e);
    }
    Shape got = result.getShape();
    if (got.dimension() != 1 || got.get(0) != expected) {
      result.close();
      throw new PluginException(
          "Meta-feature '" + name() + "' from provider '" + providerId + "' (" + origin + ") returned shape " + got
              + input + ", but its arity " + feature.arity() + " promises a vector of length " + expected
              + ". Fix or remove that plug-in; the other meta-features are unaffected.");
    }
    if (result.getDataType() != DataType.FLOAT32) {
      DataType type = result.getDataType();
      result.close();
      // Converting here would cut the autograd graph (DJL's toType detaches), so refuse instead.
      throw new PluginException(
          "Meta-feature '" + name() + "' from provider '" + providerId + "' (" + origin + ") returned " + type
              + " for float32 input. Return the input's data type; note that a 0-dim float32 array combined with a"
              + " Java double becomes float64 in DJL, so reshape scalars to shape (1) first.");
    }
    return result;
  }
}
