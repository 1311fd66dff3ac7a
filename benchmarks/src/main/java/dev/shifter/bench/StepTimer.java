package dev.shifter.bench;

import dev.shifter.shift.StepReport;
import dev.shifter.shift.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the training steps of one Shifter run from its step reports: the duration of each step that
 * ran no evaluation, without the first (which also holds the calibration).
 */
final class StepTimer implements TrainingListener {
  private final List<Double> plainStepSeconds = new ArrayList<>();
  private double previous = Double.NaN;

  @Override
  public void onStep(StepReport report) {
    double elapsed = report.elapsedSeconds();
    if (report.step() > 1 && !Double.isNaN(previous) && !report.evaluated()) {
      plainStepSeconds.add(elapsed - previous);
    }
    previous = elapsed;
  }

  /** Returns the median duration of a training step without evaluation, in milliseconds (NaN if none). */
  double medianStepMillis() {
    if (plainStepSeconds.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = plainStepSeconds.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    return median * 1000;
  }
}
