package dev.shifter.shift;

import dev.shifter.shift.internal.LossHistory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Collects a training run's loss curve: the per-step losses are averaged over windows of
 * {@code every} steps, and a window still open is closed at a checkpoint and at the end.
 */
final class LossRecorder {
  /** The most points a run records, about. */
  static final int POINTS_PER_RUN = 500;

  private final List<StepLoss> points;
  private final int every;
  private final Map<String, Double> termSums = new LinkedHashMap<>();
  private double lossSum;
  private int count;
  private int lastStep;

  /**
   * Starts a recorder.
   *
   * @param earlier the points of earlier runs (a resumed checkpoint's), kept in front
   * @param totalSteps the run's most steps; a point is recorded every {@code ceil(totalSteps / 500)}
   */
  LossRecorder(List<StepLoss> earlier, int totalSteps) {
    this.points = new ArrayList<>(earlier);
    this.every = Math.max(1, (totalSteps + POINTS_PER_RUN - 1) / POINTS_PER_RUN);
  }

  /** Adds a step; closes the window every {@code every} steps. */
  void add(int step, double loss, Map<String, Double> terms, double worstRelativeError) {
    lossSum += loss;
    terms.forEach((name, value) -> termSums.merge(name, value, Double::sum));
    count++;
    lastStep = step;
    if (step % every == 0) {
      flush(worstRelativeError);
    }
  }

  /** Closes the open window, if any, as a point. */
  void flush(double worstRelativeError) {
    if (count == 0) {
      return;
    }
    Map<String, Double> means = new LinkedHashMap<>();
    termSums.forEach((name, sum) -> means.put(name, sum / count));
    points.add(new StepLoss(lastStep, lossSum / count, means, worstRelativeError));
    termSums.clear();
    lossSum = 0;
    count = 0;
  }

  /** Returns the points so far (closed windows only). */
  List<StepLoss> points() {
    return List.copyOf(points);
  }

  /** Converts points to the manifest's column form. */
  static LossHistory toManifest(List<StepLoss> points) {
    Set<String> names = new LinkedHashSet<>();
    points.forEach(p -> names.addAll(p.terms().keySet()));
    List<Integer> steps = new ArrayList<>(points.size());
    List<Double> losses = new ArrayList<>(points.size());
    List<@Nullable Double> worst = new ArrayList<>(points.size());
    Map<String, List<@Nullable Double>> terms = new LinkedHashMap<>();
    names.forEach(name -> terms.put(name, new ArrayList<>(points.size())));
    for (StepLoss point : points) {
      steps.add(point.step());
      losses.add(point.loss());
      worst.add(Double.isFinite(point.worstRelativeError()) ? point.worstRelativeError() : null);
      terms.forEach((name, values) -> values.add(point.terms().get(name)));
    }
    return new LossHistory(steps, losses, terms, worst);
  }

  /** Converts the manifest's column form to points; a missing history has none. */
  static List<StepLoss> fromManifest(@Nullable LossHistory history) {
    if (history == null) {
      return List.of();
    }
    List<StepLoss> points = new ArrayList<>(history.size());
    for (int i = 0; i < history.size(); i++) {
      Map<String, Double> terms = new LinkedHashMap<>();
      for (Map.Entry<String, List<@Nullable Double>> term : history.terms().entrySet()) {
        Double value = term.getValue().get(i);
        if (value != null) {
          terms.put(term.getKey(), value);
        }
      }
      Double worst = history.worstRelativeError().get(i);
      points.add(new StepLoss(history.step().get(i), history.loss().get(i), terms, worst == null ? Double.NaN : worst));
    }
    return List.copyOf(points);
  }
}
