package dev.shifter.cli;

import dev.shifter.shift.TrainingSummary;
import java.util.Locale;

/** Tells the user of evaluations that the realism limits rejected, and which flags relax them. */
final class RealismText {
  private RealismText() {}

  /**
   * Prints one warning when some of the run's evaluations broke a realism limit.
   *
   * @param summary the training summary
   * @param diagnostics where the warning goes
   */
  static void warn(TrainingSummary summary, Diagnostics diagnostics) {
    String violation = summary.realismViolation();
    if (summary.realismRejections() == 0 || violation == null) {
      return;
    }
    diagnostics.warning(String.format(Locale.ROOT, "%d evaluation%s of the run broke a realism limit, the "
        + "last with %s. The Shifter never keeps such weights, so the entries outside their "
        + "tolerance above are out of reach within the realism limits. Ask for less, or accept such tables by "
        + "raising --max-share-shift or --max-bound-excess (1 turns a limit off).", summary.realismRejections(),
        summary.realismRejections() == 1 ? "" : "s", violation));
  }
}
