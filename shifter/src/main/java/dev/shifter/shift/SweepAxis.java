package dev.shifter.shift;

import dev.shifter.api.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * One target entry of a sweep and the values it takes: {@code steps} evenly spaced values from {@code low}
 * to {@code high}, both included.
 *
 * @param feature the meta-feature, e.g. {@code cor}
 * @param key the column or columns it is of, e.g. {@code age~hours-per-week}
 * @param low the smallest value
 * @param high the largest value
 * @param steps the number of values on a grid, at least 1 (1 takes {@code low} only); a Latin hypercube
 *     ignores it
 */
public record SweepAxis(String feature, String key, double low, double high, int steps) {
  /**
   * Checks the values.
   *
   * @throws InvalidInputException if a bound is not finite, {@code low > high} or {@code steps < 1}
   */
  public SweepAxis {
    if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
      throw new InvalidInputException("The sweep entry " + feature + "[" + key + "] has the range [" + low + ", "
          + high + "]: give finite bounds with low <= high, e.g. [0.1, 0.6, 6].");
    }
    if (steps < 1) {
      throw new InvalidInputException("The sweep entry " + feature + "[" + key + "] has " + steps + " steps: give "
          + "at least 1 (the third number of [low, high, steps]).");
    }
  }

  /**
   * Returns the entry's label, as target reports write it.
   *
   * @return {@code feature[key]}
   */
  public String label() {
    return feature + "[" + key + "]";
  }

  /**
   * Returns the grid's values of this entry.
   *
   * @return {@code steps} values from low to high
   */
  public List<Double> values() {
    List<Double> values = new ArrayList<>(steps);
    for (int i = 0; i < steps; i++) {
      values.add(steps == 1 ? low : low + (high - low) * i / (steps - 1));
    }
    return values;
  }

  /**
   * Returns the value at a position of the range.
   *
   * @param fraction a number in [0, 1]
   * @return {@code low + fraction * (high - low)}
   */
  public double at(double fraction) {
    return low + fraction * (high - low);
  }
}
