package dev.shifter.shift;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Regularizer;

/**
 * A regularizer and its weight in the loss {@code L = meta + sum(weight * regularizer)}. A weight of 0
 * turns the regularizer off (it is then not computed).
 *
 * @param weight the weight, zero or positive
 * @param regularizer the regularizer
 */
public record WeightedRegularizer(double weight, Regularizer regularizer) {

  /**
   * Checks the weight.
   *
   * @throws InvalidInputException if the weight is negative or not finite
   */
  public WeightedRegularizer {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new InvalidInputException("The weight of regularizer '" + regularizer.name() + "' must be zero or "
          + "positive, got " + weight + ".");
    }
  }

  /**
   * Creates a weighted regularizer.
   *
   * @param weight the weight
   * @param regularizer the regularizer
   * @return the pair
   */
  public static WeightedRegularizer of(double weight, Regularizer regularizer) {
    return new WeightedRegularizer(weight, regularizer);
  }

  /**
   * Returns the regularizer's name.
   *
   * @return {@link Regularizer#name()}
   */
  public String name() {
    return regularizer.name();
  }
}
