package dev.shifter.shift;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a training run went.
 *
 * @param steps the steps taken in total (a resumed run counts the earlier ones too)
 * @param stopReason why it ended
 * @param seconds the wall-clock seconds of this run (calibration included)
 * @param stepsThisRun the steps taken by this run
 * @param evaluation the final evaluation at the target (the middle of a range), on a fresh batch of
 *     {@code evalSamples} rows
 * @param keptStep the step whose parameters the Shifter holds: {@code steps}, or, when the run reached
 *     its step limit without converging and an earlier evaluation was better than the last, that
 *     evaluation's step (0 in Shifters saved before this was recorded: read it as {@code steps})
 * @param piles the entries approached by piling rows at a column's bound, measured at the final
 *     evaluation (empty in Shifters saved before this was recorded)
 * @param keptUnshifted whether the Shifter holds its untrained weights, the identity shift (then
 *     {@code keptStep} is 0): every evaluation of the run either left an entry outside its tolerance and
 *     further from its target than the unshifted model, so the run's shifts were worse than none for that
 *     entry, or broke a realism limit (false in Shifters saved before this was recorded)
 * @param realismRejections how many of this run's evaluations broke a realism limit
 *     ({@link ShifterConfig#maxShareShift()}, {@link ShifterConfig#maxBoundExcess()}): the run never
 *     keeps such weights (0 in Shifters saved before this was recorded)
 * @param realismViolation what broke a limit at the last such evaluation, in words, or {@code null} when
 *     none did
 */
public record TrainingSummary(int steps, StopReason stopReason, double seconds, int stepsThisRun,
    List<TargetReport> evaluation, int keptStep, List<BoundPile> piles, boolean keptUnshifted,
    int realismRejections, @Nullable String realismViolation) {

  /** Copies the lists; a missing list of piles (an older Shifter directory) is empty. */
  public TrainingSummary {
    evaluation = List.copyOf(evaluation);
    piles = piles == null ? List.of() : List.copyOf(piles);
  }

  /**
   * Returns this run's training speed.
   *
   * @return steps per second, calibration and evaluations included
   */
  public double stepsPerSecond() {
    return seconds > 0 ? stepsThisRun / seconds : 0;
  }

  /**
   * Says whether the Shifter holds an earlier evaluation's parameters rather than the last step's.
   *
   * @return true when {@link #keptStep} is an earlier step than the last
   */
  public boolean keptAnEarlierStep() {
    return keptStep > 0 && keptStep < steps;
  }
}
