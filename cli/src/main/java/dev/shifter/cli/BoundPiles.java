package dev.shifter.cli;

import dev.shifter.shift.BoundPile;
import dev.shifter.shift.TargetReport;
import dev.shifter.shift.TrainingSummary;
import java.util.Locale;

/** Tells the user of target entries approached by piling rows at a column's bound. */
final class BoundPiles {
  private BoundPiles() {}

  /**
   * Prints one warning per pile: "out of reach" for an entry outside its tolerance, "reached only by
   * piling rows at the bound" for one inside.
   *
   * @param summary the training summary
   * @param diagnostics where warnings go
   */
  static void warn(TrainingSummary summary, Diagnostics diagnostics) {
    for (BoundPile pile : summary.piles()) {
      boolean within = summary.evaluation().stream()
          .filter(r -> (r.feature() + "[" + r.key() + "]").equals(pile.entry()))
          .anyMatch(TargetReport::withinTolerance);
      String where = String.format(Locale.ROOT, "%.1f %% of the shifted rows sit at %s's %s %s (unshifted: %.1f %%)",
          100 * pile.shiftedShare(), pile.column(), pile.atMaximum() ? "largest value" : "smallest value",
          ValueText.of((float) pile.bound()), 100 * pile.unshiftedShare());
      diagnostics.warning(pile.entry() + (within ? " was reached only by piling rows at a bound: " : " is out of "
          + "reach: ") + where + ". The model makes no values beyond the range it was fitted on, so the target asks "
          + "for mass beyond it; choose a target farther from the bound, or accept the spike.");
    }
  }
}
