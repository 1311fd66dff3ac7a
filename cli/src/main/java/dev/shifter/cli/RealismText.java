package dev.shifter.cli;

import dev.shifter.shift.TrainingSummary;
import java.util.Locale;

/** Tells the user of evaluations that the realism limits rejected, and which flags relax them. */
final class RealismText {
  private RealismText() {}

  /**
   * Prints one line when some of the run's evaluations broke a realism limit: a warning when entries
   * stayed outside their tolerance, a note when every entry was reached.
   *
   * @param summary the training summary
   * @param diagnostics where the line goes
   */
  static void warn(TrainingSummary summary, Diagnostics diagnostics) {
    String violation = summary.realismViolation();
    if (summary.realismRejections() == 0 || violation == null) {
      return;
    }
    long outside = summary.evaluation().stream().filter(report -> !report.withinTolerance()).count();
    String consequence = outside == 0
        ? "The Shifter never keeps such weights; the ones it keeps stayed within the limits."
        : "The Shifter never keeps such weights, so the entries outside their tolerance above are out of reach "
            + "within the realism limits. Ask for less, or accept such tables by raising --max-share-shift or "
            + "--max-bound-excess (1 turns a limit off).";
    String text = String.format(Locale.ROOT, "%d evaluation%s of the run broke a realism limit, the last with %s. %s",
        summary.realismRejections(), summary.realismRejections() == 1 ? "" : "s", violation, consequence);
    if (outside == 0) {
      diagnostics.note(text);
    } else {
      diagnostics.warning(text);
    }
  }
}
