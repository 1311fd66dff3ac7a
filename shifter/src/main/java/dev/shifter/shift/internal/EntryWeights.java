package dev.shifter.shift.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The weight of each target entry in the meta loss when entries are balanced ({@code
 * entry_weights: balanced}): after each evaluation an entry outside its tolerance weighs 1.5 times more
 * (at most {@value #MOST} times its start), and one comfortably within it (below the early stop's
 * fraction) falls back by the same factor towards 1. The meta loss sees the weights through the entries'
 * scales, divided by the square root of the weight over the mean weight, so the meta loss keeps its size
 * against the regularizers and a single entry is never reweighted. This turns the mean of the entries'
 * errors into something closer to their worst, the quantity that decides whether a set is reached: an
 * entry that the others drown (a correlation next to three means) gains weight until it moves.
 */
public final class EntryWeights {
  private static final double FACTOR = 1.5;
  private static final double MOST = 16;

  private final double[] weights;
  private final boolean balanced;

  /**
   * Starts every entry at weight 1.
   *
   * @param entries the number of target entries
   * @param balanced false: the weights never change (the {@code fixed} setting)
   */
  public EntryWeights(int entries, boolean balanced) {
    this.weights = new double[entries];
    Arrays.fill(weights, 1.0);
    this.balanced = balanced;
  }

  /**
   * Restores the weights of a checkpoint.
   *
   * @param saved the checkpoint's weights, or {@code null} when it recorded none (all 1)
   * @throws IllegalArgumentException if their count is not the number of entries
   */
  public void restore(@Nullable List<Double> saved) {
    if (saved == null) {
      return;
    }
    if (saved.size() != weights.length) {
      throw new IllegalArgumentException("The checkpoint has " + saved.size() + " entry weights for "
          + weights.length + " entries.");
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] = saved.get(i);
    }
  }

  /**
   * Updates the weights after an evaluation.
   *
   * @param ratios each entry's error over its tolerance (the worst over the evaluated points)
   * @param stopWithin the early stop's fraction of the tolerance
   */
  public void update(double[] ratios, double stopWithin) {
    if (!balanced || weights.length < 2) {
      return;
    }
    for (int i = 0; i < weights.length; i++) {
      if (!(ratios[i] <= 1)) {
        weights[i] = Math.min(MOST, weights[i] * FACTOR);
      } else if (ratios[i] < stopWithin) {
        weights[i] = Math.max(1.0, weights[i] / FACTOR);
      }
    }
  }

  /**
   * Returns the scales the meta loss divides by: each entry's scale over the square root of its weight
   * relative to the mean weight.
   *
   * @param scales the entries' own scales
   * @return the weighted scales
   */
  public float[] weightedScales(float[] scales) {
    double mean = 0;
    for (double weight : weights) {
      mean += weight / weights.length;
    }
    float[] result = new float[scales.length];
    for (int i = 0; i < scales.length; i++) {
      result[i] = (float) (scales[i] / Math.sqrt(weights[i] / mean));
    }
    return result;
  }

  /**
   * Returns the weights, for a checkpoint.
   *
   * @return one weight per entry
   */
  public List<Double> values() {
    List<Double> values = new ArrayList<>(weights.length);
    for (double weight : weights) {
      values.add(weight);
    }
    return values;
  }
}
