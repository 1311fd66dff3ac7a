package dev.shifter.bench;

import static dev.shifter.bench.TargetRule.relative;
import static dev.shifter.bench.TargetRule.sds;

import java.util.List;
import java.util.Set;

/**
 * The fixed target sets of the Shifter benchmark on Adult: 8 single entries and 14 sets of 3 to 6
 * entries, mixing per-column moments ({@code mean}, {@code sd}, {@code skewness}), quantiles
 * ({@code median}, {@code iq_range}) and pairwise correlations ({@code cor}).
 *
 * <p>How the entries were chosen. Every target is the real training split's value moved either by
 * {@code k} bootstrap standard deviations ({@code k = +-2}: "plausible", another sample of the same
 * population could have it; {@code k = 4..6}: beyond) or by a relative change of 10-30 % (beyond),
 * used where the bootstrap sd is so small that even 8 sds would be a change of 1-2 % (means and sds of
 * 26,000 rows). An entry is used only if its real value is at least
 * {@value TargetRule#MIN_SDS_FROM_ZERO} bootstrap sds away from zero (checked when the targets are
 * built), so that its relative error is defined and not mostly noise. That rules out the median and
 * iq_range of capital-gain and capital-loss (both 0), every correlation but the two above 0.1
 * (education-num with hours-per-week 0.15 and with capital-gain 0.12) and the skewness of
 * hours-per-week (0.23, 7 sds). Quantiles use age and fnlwgt: the quartiles of education-num and
 * hours-per-week sit on ties (bootstrap sd 0), and the median of age too, so it gets relative targets
 * only. capital-gain appears only in means and one correlation: with 92 % zeros and a spike at
 * 99999 it is the hardest column, kept in two sets as a hard case.
 */
final class AdultTargetSets {
  private static final String AGE = "age";
  private static final String FNLWGT = "fnlwgt";
  private static final String EDU = "education-num";
  private static final String GAIN = "capital-gain";
  private static final String LOSS = "capital-loss";
  private static final String HOURS = "hours-per-week";
  private static final String EDU_HOURS = EDU + "~" + HOURS;
  private static final String EDU_GAIN = EDU + "~" + GAIN;
  private static final Set<String> QUICK = Set.of("S02", "S10", "S21");

  private AdultTargetSets() {}

  /** Returns the three sets of the quick mode: one single entry, a set of 3 and a set of 6. */
  static List<TargetSet> quick() {
    return all().stream().filter(s -> QUICK.contains(s.id())).toList();
  }

  /** Returns all 22 sets, in a fixed order. */
  static List<TargetSet> all() {
    return List.of(
        // Single entries.
        TargetSet.of("S01", "plausible mean: corrects CTGAN's own error in one moment",
            sds("mean", AGE, 2)),
        TargetSet.of("S02", "an older population (mean age +10 %)",
            relative("mean", AGE, 0.10)),
        TargetSet.of("S03", "more uniform working hours (sd -20 %) on a column with a spike at 40",
            relative("sd", HOURS, -0.20)),
        TargetSet.of("S04", "a heavier right tail of the census weight (about +40 %)",
            sds("skewness", FNLWGT, 6)),
        TargetSet.of("S05", "a quantile on a column without ties",
            relative("median", FNLWGT, 0.15)),
        TargetSet.of("S06", "plausible spread of an integer column whose quartiles still move",
            sds("iq_range", AGE, -2)),
        TargetSet.of("S07", "the strongest correlation in Adult (0.15), about +25 %",
            sds("cor", EDU_HOURS, 6)),
        TargetSet.of("S08", "a less educated population",
            relative("mean", EDU, -0.10)),
        // Sets of 3.
        TargetSet.of("S09", "plausible first three moments of one column",
            sds("mean", AGE, 2), sds("sd", AGE, -2), sds("skewness", AGE, 2)),
        TargetSet.of("S10", "an older, more homogeneous population: mean and median move together",
            relative("mean", AGE, 0.15), relative("sd", AGE, -0.10), relative("median", AGE, 0.15)),
        TargetSet.of("S11", "plausible quantiles and a correlation on different columns",
            sds("median", FNLWGT, -2), sds("iq_range", FNLWGT, 2), sds("cor", EDU_GAIN, -2)),
        TargetSet.of("S12", "longer hours, more tied to education, a less left-skewed education",
            relative("mean", HOURS, 0.10), relative("cor", EDU_HOURS, 0.30), sds("skewness", EDU, 6)),
        TargetSet.of("S13", "three descriptors of one column moved in different directions",
            relative("mean", FNLWGT, 0.10), relative("iq_range", FNLWGT, 0.20), sds("skewness", FNLWGT, -4)),
        // Sets of 4.
        TargetSet.of("S14", "plausible means of four columns",
            sds("mean", AGE, -2), sds("mean", FNLWGT, 2), sds("mean", EDU, 2), sds("mean", HOURS, -2)),
        TargetSet.of("S15", "spreads of three columns and a weaker correlation",
            relative("sd", AGE, 0.10), relative("sd", EDU, -0.15), relative("sd", HOURS, 0.15),
            sds("cor", EDU_HOURS, -4)),
        TargetSet.of("S16", "hard case: the heavy-tailed capital-gain with its correlation to education",
            sds("mean", GAIN, 6), sds("cor", EDU_GAIN, 6), relative("mean", EDU, 0.10), sds("median", FNLWGT, 2)),
        // Sets of 5.
        TargetSet.of("S17", "plausible moments and quantiles: age's mean, sd, skewness, iq_range; fnlwgt's median",
            sds("mean", AGE, 2), sds("sd", AGE, 2), sds("skewness", AGE, -2), sds("iq_range", AGE, 2),
            sds("median", FNLWGT, -2)),
        TargetSet.of("S18", "older, shorter hours, lower weights, education more tied to hours",
            relative("mean", AGE, 0.10), relative("median", AGE, 0.10), relative("mean", HOURS, -0.10),
            relative("median", FNLWGT, -0.10), relative("cor", EDU_HOURS, 0.20)),
        TargetSet.of("S19", "shape only: skewness and spreads of three columns",
            sds("skewness", AGE, 6), sds("skewness", FNLWGT, -4), sds("skewness", EDU, -4), sds("iq_range", AGE, 6),
            sds("iq_range", FNLWGT, -4)),
        // Sets of 6.
        TargetSet.of("S20", "plausible: the whole mean vector, the heavy-tailed capital columns included",
            sds("mean", AGE, 2), sds("mean", FNLWGT, -2), sds("mean", EDU, 2), sds("mean", GAIN, -2),
            sds("mean", LOSS, 2), sds("mean", HOURS, -2)),
        TargetSet.of("S21", "every kind at once, each +10-20 %",
            relative("mean", AGE, 0.10), relative("sd", AGE, 0.10), relative("median", FNLWGT, 0.10),
            relative("iq_range", FNLWGT, 0.10), relative("cor", EDU_HOURS, 0.20), relative("skewness", EDU, 0.20)),
        TargetSet.of("S22", "plausible and beyond mixed on two columns and two correlations",
            sds("mean", HOURS, -2), relative("sd", HOURS, -0.15), relative("mean", EDU, 0.10), sds("sd", EDU, 2),
            sds("cor", EDU_HOURS, 6), sds("cor", EDU_GAIN, 2)));
  }

  /**
   * Returns the sets of the speed figure: 1, 3 and 6 entries of mixed kinds, each a superset of the
   * previous one, all far from the unshifted values so that no run converges early.
   */
  static List<TargetSet> speed() {
    List<TargetRule> six = List.of(relative("mean", AGE, 0.10), relative("sd", AGE, 0.10),
        relative("cor", EDU_HOURS, 0.20), relative("median", FNLWGT, 0.10), relative("iq_range", FNLWGT, 0.10),
        relative("skewness", EDU, 0.20));
    return List.of(new TargetSet("speed-1", "1 entry", six.subList(0, 1)),
        new TargetSet("speed-3", "3 entries", six.subList(0, 3)),
        new TargetSet("speed-6", "6 entries", six));
  }
}
