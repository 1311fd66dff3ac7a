package dev.shifter.shift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Progress after one training step, for a progress bar or a log.
 *
 * @param step the step just taken, from 1
 * @param totalSteps the most steps the training will take
 * @param loss the total loss {@code meta + sum(weight * regularizer)} of the step
 * @param terms the unweighted value of each term by name: {@code meta_loss} first, then each
 *     regularizer with a non-zero weight
 * @param worstEntry the label of the entry farthest from its target (relative to its tolerance) at the
 *     last evaluation, e.g. {@code "mean[age]"}; empty before the first evaluation
 * @param worstRelativeError that entry's relative error {@code |value - target| / |target|} (the
 *     absolute error for a zero target); NaN before the first evaluation
 * @param evaluated whether this step ran an evaluation
 * @param elapsedSeconds the seconds since training started (this run)
 */
public record StepReport(
    int step,
    int totalSteps,
    double loss,
    Map<String, Double> terms,
    String worstEntry,
    double worstRelativeError,
    boolean evaluated,
    double elapsedSeconds) {

  /** Copies the terms. */
  public StepReport {
    terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
  }
}
