package dev.shifter.shift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a Shifter's training-loss curve ({@link TrainedShifter#lossHistory()}): the mean losses
 * over the steps since the previous point. Training records one point every
 * {@code max(1, ceil(steps / 500))} steps, and one at each checkpoint and at the end, so a curve has
 * at most about 500 points per run.
 *
 * @param step the last step the point covers, from 1
 * @param loss the mean total loss {@code meta + sum(weight * regularizer)}
 * @param terms the mean unweighted value of each term by name, as in {@link StepReport#terms()}:
 *     the meta loss first, then each regularizer with a non-zero weight
 * @param worstRelativeError the relative error {@code |value - target| / |target|} (the absolute error
 *     for a zero target) of the entry farthest from its target at the latest evaluation up to
 *     {@code step}; NaN before the first evaluation of the run
 */
public record StepLoss(int step, double loss, Map<String, Double> terms, double worstRelativeError) {

  /** Copies the terms, keeping their order. */
  public StepLoss {
    terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
  }
}
