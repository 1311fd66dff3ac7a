package dev.shifter.metafeatures.extra.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.InvalidInputException;
import java.util.function.UnaryOperator;

/**
 * Runs a feature's computation in a sub-manager of the input's manager, so that its intermediate arrays
 * are freed as soon as the result is known; the result is attached to the input's manager, as
 * {@link dev.shifter.api.MetaFeature#compute(NDArray)} asks. Autograd keeps whatever the backward pass
 * needs, so closing the intermediates does not break gradients.
 */
public final class FeatureScope {
  private FeatureScope() {}

  /**
   * Checks that {@code x} is an {@code n x d} float32 or float64 matrix and computes {@code body} on it.
   *
   * @param x the input matrix; it is neither closed nor moved to another manager
   * @param featureName the feature's name, for error messages
   * @param body the computation; it receives a view of {@code x} that lives in the sub-manager
   * @return the result, attached to {@code x}'s manager
   * @throws InvalidInputException if {@code x} is not such a matrix
   */
  public static NDArray compute(NDArray x, String featureName, UnaryOperator<NDArray> body) {
    requireMatrix(x, featureName);
    NDManager owner = x.getManager();
    try (NDManager scope = owner.newSubManager()) {
      NDArray view = x.reshape(x.getShape());
      view.attach(scope);
      NDArray result = body.apply(view);
      result.attach(owner);
      return result;
    }
  }

  /**
   * Checks that {@code x} is an {@code n x d} float32 or float64 matrix with {@code n, d >= 1}.
   *
   * @param x the input
   * @param featureName the feature's name, for error messages
   * @throws InvalidInputException if it is not
   */
  public static void requireMatrix(NDArray x, String featureName) {
    Shape shape = x.getShape();
    if (shape.dimension() != 2 || shape.get(0) < 1 || shape.get(1) < 1) {
      throw new InvalidInputException("Meta-feature '" + featureName + "' needs an n x d matrix with n >= 1 and"
          + " d >= 1, got shape " + shape + ". Pass the continuous columns as one row per record.");
    }
    DataType type = x.getDataType();
    if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
      throw new InvalidInputException("Meta-feature '" + featureName + "' needs a float32 or float64 matrix, got "
          + type + ". Convert it with x.toType(DataType.FLOAT32, false).");
    }
  }
}
