package dev.shifter.shift.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The training-loss curve in a Shifter manifest, stored by column so the file stays small: point
 * {@code i} is {@code step[i]}, {@code loss[i]}, {@code terms[name][i]} and
 * {@code worstRelativeError[i]}. A term missing at a point, and a worst relative error before the
 * first evaluation, is {@code null}.
 *
 * @param step the last step each point covers
 * @param loss the mean total loss of each point
 * @param terms the mean of each term by name, one value (or {@code null}) per point
 * @param worstRelativeError the worst relative error at the latest evaluation, or {@code null}
 */
public record LossHistory(List<Integer> step, List<Double> loss, Map<String, List<@Nullable Double>> terms,
    List<@Nullable Double> worstRelativeError) {

  /**
   * Copies the lists and checks that they have one value per point.
   *
   * @throws IllegalArgumentException if a list has another length
   */
  public LossHistory {
    step = List.copyOf(step);
    loss = List.copyOf(loss);
    Map<String, List<@Nullable Double>> copied = new LinkedHashMap<>();
    terms.forEach((name, values) -> copied.put(name, Collections.unmodifiableList(new ArrayList<>(values))));
    terms = Collections.unmodifiableMap(copied);
    worstRelativeError = Collections.unmodifiableList(new ArrayList<>(worstRelativeError));
    int points = step.size();
    boolean consistent = loss.size() == points && worstRelativeError.size() == points
        && copied.values().stream().allMatch(values -> values.size() == points);
    if (!consistent) {
      throw new IllegalArgumentException("A loss history needs one value per point in every list.");
    }
  }

  /**
   * Returns an empty history.
   *
   * @return the history without points
   */
  public static LossHistory empty() {
    return new LossHistory(List.of(), List.of(), Map.of(), List.of());
  }

  /**
   * Returns the number of points.
   *
   * @return the point count
   */
  public int size() {
    return step.size();
  }
}
