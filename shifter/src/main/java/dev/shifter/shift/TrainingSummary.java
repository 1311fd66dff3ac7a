package dev.shifter.shift;

import java.util.List;

/**
 * How a training run went.
 *
 * @param steps the steps taken in total (a resumed run counts the earlier ones too)
 * @param stopReason why it ended
 * @param seconds the wall-clock seconds of this run (calibration included)
 * @param stepsThisRun the steps taken by this run
 * @param evaluation the final evaluation at the target (the middle of a range), on a fresh batch of
 *     {@code evalSamples} rows
 */
public record TrainingSummary(int steps, StopReason stopReason, double seconds, int stepsThisRun,
    List<TargetReport> evaluation) {

  /** Copies the evaluation. */
  public TrainingSummary {
    evaluation = List.copyOf(evaluation);
  }

  /**
   * Returns this run's training speed.
   *
   * @return steps per second, calibration and evaluations included
   */
  public double stepsPerSecond() {
    return seconds > 0 ? stepsThisRun / seconds : 0;
  }
}
