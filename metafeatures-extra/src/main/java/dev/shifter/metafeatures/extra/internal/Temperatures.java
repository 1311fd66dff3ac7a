package dev.shifter.metafeatures.extra.internal;

import dev.shifter.api.InvalidInputException;

/** Checks the temperature of a smooth meta-feature. */
public final class Temperatures {
  private Temperatures() {}

  /**
   * Returns {@code temperature} if it is a positive finite number.
   *
   * @param temperature the temperature
   * @param featureName the feature's name, for the error message
   * @param suggested the default temperature, suggested in the error message
   * @return {@code temperature}
   * @throws InvalidInputException if it is zero, negative, NaN or infinite
   */
  public static double require(double temperature, String featureName, double suggested) {
    if (!(temperature > 0.0) || Double.isInfinite(temperature)) {
      throw new InvalidInputException("The temperature of meta-feature '" + featureName
          + "' must be a positive finite number, got " + temperature + ". Use a small positive value such as "
          + suggested + " (smaller is closer to the exact count, larger gives smoother gradients).");
    }
    return temperature;
  }
}
