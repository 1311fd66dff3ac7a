package dev.shifter.demo;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Table;
import dev.shifter.demo.internal.ColumnStatistics;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.Targets;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the demo's target set from a table's own continuous columns, so that the targets are a
 * visible but feasible step away from the data:
 *
 * <ol>
 *   <li>{@code skewness} of the most skewed column (largest {@code |skewness|}): more skew in the same
 *       direction, {@code s + sign(s) max(}{@value #SKEW_MIN_STEP}{@code , }{@value #SKEW_STEP}{@code  |s|)};
 *   <li>{@code cor} of the most correlated pair (largest {@code |r|}) of the other columns (of all
 *       columns when fewer than two others vary), when there are two columns or more: a stronger
 *       correlation, {@code |r| + }{@value #COR_STEP}{@code  (1 - |r|)}. The skewed column is left out
 *       because more skew (a heavier tail) lowers its Pearson correlations: the two targets would pull
 *       against each other;
 *   <li>{@code mean} of the first column that is in neither entry above (else the first other column,
 *       else the skewed one): {@code mean + }{@value #MEAN_STEP}{@code  sd}.
 * </ol>
 *
 * <p>Constant columns are left out, and so are spiky ones (a single value in more than half of the
 * rows, e.g. a capital gain that is mostly 0) unless no other column varies: their skewness and
 * correlations come from the spike. Values are computed in float64 over the rows that have a value in
 * every continuous column, with the core meta-features' definitions, and rounded to three significant
 * digits. The {@link DemoTable} has its own choice of columns, {@link #forDemoTable}.
 */
public final class DemoTargets {
  /** The relative step of the skewness. */
  public static final double SKEW_STEP = 0.25;
  /** The smallest step of the skewness. */
  public static final double SKEW_MIN_STEP = 0.3;
  /** The share of the way from {@code |r|} to 1 that the correlation target goes. */
  public static final double COR_STEP = 0.2;
  /** The step of the mean, in standard deviations. */
  public static final double MEAN_STEP = 0.5;
  /** A column whose most frequent value holds a larger share of the rows is spiky. */
  public static final double MAX_TOP_SHARE = 0.5;

  private static final MathContext DIGITS = new MathContext(3);

  private DemoTargets() {}

  /**
   * Derives the targets.
   *
   * @param table the table; it needs a continuous column that is not constant
   * @return the targets: skewness, then cor (if there are two usable columns), then mean
   * @throws InvalidInputException if no continuous column varies over the complete rows
   */
  public static Targets derive(Table table) {
    return derive(table, MetaFeatureRegistry.loadInstalled());
  }

  /**
   * Derives the targets, with the meta-features of a registry.
   *
   * @param table the table; it needs a continuous column that is not constant
   * @param registry the meta-features; it provides {@code mean}, {@code sd}, {@code skewness} and {@code cor}
   * @return the targets: skewness, then cor (if there are two usable columns), then mean
   * @throws InvalidInputException if no continuous column varies over the complete rows
   */
  public static Targets derive(Table table, MetaFeatureRegistry registry) {
    ColumnStatistics statistics = ColumnStatistics.of(table, registry);
    List<String> names = statistics.names();
    if (names.isEmpty()) {
      throw new InvalidInputException("The table has no continuous column, and the demo's targets are meta-features "
          + "of continuous columns. Give a table with numeric columns (or force one with --continuous COLUMN), or "
          + "give --target FILE.");
    }
    List<Integer> varying = new ArrayList<>();
    List<Integer> smooth = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      if (statistics.rows() >= 3 && statistics.sd(c) > 0) {
        varying.add(c);
        if (statistics.topShare(c) <= MAX_TOP_SHARE) {
          smooth.add(c);
        }
      }
    }
    List<Integer> usable = smooth.isEmpty() ? varying : smooth;
    if (usable.isEmpty()) {
      throw new InvalidInputException("No continuous column varies over the " + statistics.rows() + " rows that "
          + "have a value in every continuous column (" + String.join(", ", names) + "), so no demo target can be "
          + "derived. Give a table whose numeric columns vary, or give --target FILE.");
    }
    List<TargetEntry> entries = new ArrayList<>();
    int skewed = usable.get(0);
    for (int c : usable) {
      if (Math.abs(statistics.skewness(c)) > Math.abs(statistics.skewness(skewed))) {
        skewed = c;
      }
    }
    entries.add(skewnessEntry(statistics, skewed));
    List<Integer> others = new ArrayList<>(usable);
    others.remove(Integer.valueOf(skewed));
    int[] pair = strongestPair(statistics, others.size() >= 2 ? others : usable);
    if (pair.length == 2) {
      entries.add(corEntry(statistics, pair[0], pair[1]));
    }
    entries.add(meanEntry(statistics, meanColumn(usable, skewed, pair)));
    return Targets.of(entries);
  }

  /**
   * Derives the targets of the {@link DemoTable}: the same steps as {@link #derive(Table)} on chosen
   * columns, more skew in {@code income}, a stronger {@code age~income} correlation and a higher mean
   * {@code spend}. A CTGAN fitted briefly tends to weaken correlations, so the correlation target stays
   * clearly away from what the unshifted model gives, and the three entries do not pull against each
   * other (on five demo fits, the shift moved every entry towards its target).
   *
   * @param table the demo table (or any table with these continuous columns)
   * @return the targets: skewness[income], cor[age~income], mean[spend]
   * @throws InvalidInputException if a column is missing or not continuous
   */
  public static Targets forDemoTable(Table table) {
    return forDemoTable(table, MetaFeatureRegistry.loadInstalled());
  }

  /**
   * Derives the targets of the {@link DemoTable}, with the meta-features of a registry.
   *
   * @param table the demo table (or any table with these continuous columns)
   * @param registry the meta-features; it provides {@code mean}, {@code sd}, {@code skewness} and {@code cor}
   * @return the targets: skewness[income], cor[age~income], mean[spend]
   * @throws InvalidInputException if a column is missing or not continuous
   */
  public static Targets forDemoTable(Table table, MetaFeatureRegistry registry) {
    ColumnStatistics statistics = ColumnStatistics.of(table, registry);
    List<String> names = statistics.names();
    for (String column : List.of("age", "income", "spend")) {
      if (!names.contains(column)) {
        throw new InvalidInputException("The demo targets need the continuous column '" + column + "' of the demo "
            + "table; this table's continuous columns are: " + String.join(", ", names) + ". Use derive(table).");
      }
    }
    return Targets.of(skewnessEntry(statistics, names.indexOf("income")),
        corEntry(statistics, names.indexOf("age"), names.indexOf("income")),
        meanEntry(statistics, names.indexOf("spend")));
  }

  private static TargetEntry skewnessEntry(ColumnStatistics statistics, int column) {
    double skewness = statistics.skewness(column);
    double direction = skewness < 0 ? -1 : 1;
    return TargetEntry.fixed("skewness", statistics.names().get(column),
        round(skewness + direction * Math.max(SKEW_MIN_STEP, SKEW_STEP * Math.abs(skewness))));
  }

  private static TargetEntry corEntry(ColumnStatistics statistics, int first, int second) {
    double r = Math.abs(statistics.correlation(first, second));
    return TargetEntry.fixed("cor", statistics.names().get(first) + "~" + statistics.names().get(second),
        round(r + COR_STEP * (1 - r)));
  }

  private static TargetEntry meanEntry(ColumnStatistics statistics, int column) {
    return TargetEntry.fixed("mean", statistics.names().get(column),
        round(statistics.mean(column) + MEAN_STEP * statistics.sd(column)));
  }

  private static int[] strongestPair(ColumnStatistics statistics, List<Integer> usable) {
    int[] best = new int[0];
    double strongest = -1;
    for (int i = 0; i < usable.size(); i++) {
      for (int j = i + 1; j < usable.size(); j++) {
        double r = Math.abs(statistics.correlation(usable.get(i), usable.get(j)));
        if (r > strongest) {
          strongest = r;
          best = new int[] {usable.get(i), usable.get(j)};
        }
      }
    }
    return best;
  }

  private static int meanColumn(List<Integer> usable, int skewed, int[] pair) {
    for (int c : usable) {
      if (c != skewed && (pair.length == 0 || (c != pair[0] && c != pair[1]))) {
        return c;
      }
    }
    for (int c : usable) {
      if (c != skewed) {
        return c;
      }
    }
    return skewed;
  }

  private static double round(double value) {
    return new BigDecimal(value).round(DIGITS).doubleValue();
  }
}
