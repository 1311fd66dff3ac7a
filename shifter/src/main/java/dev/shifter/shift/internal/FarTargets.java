package dev.shifter.shift.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds target entries far beyond what the unshifted model makes: more than {@value #NOISE_WIDTHS}
 * times the sampling noise of a training batch away from the unshifted value. Such a target is most
 * likely a typo or a wrong unit ({@code {"mean": {"age": 1e30}}}); training would push the rows to the
 * edge of what the generator can make and still miss it.
 */
public final class FarTargets {
  /** How many noise widths away a target counts as far. */
  static final double NOISE_WIDTHS = 100;

  private FarTargets() {}



  /**
   * Describes every far entry.
   *
   * @param calibration the unshifted values and their noise
   * @param labels the entries' labels, e.g. {@code mean[age]}
   * @param low each entry's lowest target
   * @param high each entry's highest target
   * @param rows the rows of a training batch
   * @return one warning per far entry, empty when none is far
   */
  public static List<String> describe(Calibration calibration, List<String> labels, double[] low, double[] high,
      int rows) {
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      double unshifted = calibration.unshifted().get(i);
      double noise = Math.max(calibration.noiseAt(i, rows), 1e-9 * Math.max(1, Math.abs(unshifted)));
      double farthest = Math.abs(low[i] - unshifted) > Math.abs(high[i] - unshifted) ? low[i] : high[i];
      double widths = Math.abs(farthest - unshifted) / noise;
      if (widths > NOISE_WIDTHS) {
        warnings.add(String.format(Locale.ROOT, "the target %s = %s is far beyond what the model makes: unshifted "
            + "%s, with a sampling noise of %s at %d rows, so %s noise widths away. Training will distort the table "
            + "and may still miss it; check the value and its unit.", labels.get(i), Numbers.compact(farthest, 6),
            Numbers.compact(unshifted, 6), Numbers.compact(noise, 3), rows, Numbers.compact(widths, 3)));
      }
    }
    return warnings;
  }
}
