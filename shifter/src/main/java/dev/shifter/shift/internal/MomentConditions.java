package dev.shifter.shift.internal;

import dev.shifter.api.Arity;
import dev.shifter.api.InvalidInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes target meta-features as moment conditions {@code E_w[phi(x)] = c} on a pool of rows, for
 * {@link EntropyBalancing}. A statistic that is not linear in the weights is fixed together with the
 * lower moments it depends on, each at its target when that is targeted too and at the pool's own value
 * otherwise: a standard deviation fixes {@code E[x]} and {@code E[x^2]}; a skewness also {@code E[x^3]};
 * a kurtosis also {@code E[x^4]}; a correlation, covariance or Gaussian mutual information of a pair
 * fixes both columns' first two moments and {@code E[xy]} (a correlation keeps the pool's sign, since
 * {@code cor} is {@code |r|}); a median or quantile range is a condition on smooth indicators
 * {@code sigmoid((q - x) / h)}, the range scaled about the median. The definitions are those of the core
 * meta-features (ddof 1 for the spread).
 */
public final class MomentConditions {
  /** The meta-features that have moment conditions. */
  public static final Set<String> SUPPORTED = Set.of("mean", "sd", "var", "skewness", "kurtosis", "median",
      "iq_range", "cor", "cov", "gaussian_mi");

  private final double[][] pool;
  private final List<String> columns;
  private final int rows;
  private final Map<String, Condition> conditions = new LinkedHashMap<>();
  private final ColumnGoal[] goals;
  private final Map<String, PairGoal> pairs = new LinkedHashMap<>();

  /** One condition: its function on each row and its value. */
  private record Condition(double[] phi, double value) {}

  /** A pair statistic to reach: the feature, its target and the sign of the pool's covariance. */
  private record PairGoal(ColumnGoal a, ColumnGoal b, String feature, double target, double sign) {}

  private MomentConditions(double[][] pool, List<String> columns, int rows) {
    this.pool = pool;
    this.columns = columns;
    this.rows = rows;
    this.goals = new ColumnGoal[columns.size()];
  }

  /**
   * Builds the conditions.
   *
   * @param entries fixed target entries, each of a {@link #SUPPORTED} feature
   * @param columns the continuous columns, in the order of {@code pool}
   * @param pool {@code pool[c][i]}, the value of column {@code c} in pool row {@code i}; NaN for missing
   * @param rows the rows that will be drawn from the weighted pool (for the ddof-1 spread)
   * @return the conditions, as {@code phi[j][i]} and {@code c[j]}
   * @throws InvalidInputException if an entry's feature has no moment condition
   */
  public static Built of(List<TargetSpec> entries, List<String> columns, double[][] pool, int rows) {
    requireSupported(entries);
    MomentConditions built = new MomentConditions(pool, columns, rows);
    for (TargetSpec entry : entries) {
      built.plan(entry);
    }
    built.write();
    return built.result();
  }

  /**
   * The conditions.
   *
   * @param phi {@code phi[j][i]}, condition {@code j}'s function on pool row {@code i}
   * @param values {@code c[j]}
   * @param names the conditions' names, e.g. {@code E[age^2]}
   */
  public record Built(double[][] phi, double[] values, List<String> names) {}

  /**
   * Checks that every entry's feature has a moment condition.
   *
   * @param entries the target entries
   * @throws InvalidInputException naming the first entry that has none, and the features that have
   */
  public static void requireSupported(List<TargetSpec> entries) {
    for (TargetSpec entry : entries) {
      if (!SUPPORTED.contains(entry.feature())) {
        throw new InvalidInputException(entry.label() + ": the tilt method has no moment condition for '"
            + entry.feature() + "'; it handles " + String.join(", ", SUPPORTED.stream().sorted().toList())
            + ". Train a Shifter for this target instead.");
      }
    }
  }

  private void plan(TargetSpec entry) {
    double t = entry.low();
    String[] names = entry.key().split(Arity.PAIR_SEPARATOR, -1);
    ColumnGoal first = goal(names[0]);
    switch (entry.feature()) {
      case "mean" -> first.mean = t;
      case "sd" -> {
        first.sd = t;
        first.needsSpread = true;
      }
      case "var" -> {
        first.sd = Math.sqrt(Math.max(t, 0));
        first.needsSpread = true;
      }
      case "skewness" -> {
        first.skewness = t;
        first.needsSkewness = true;
      }
      case "kurtosis" -> {
        first.kurtosis = t;
        first.needsKurtosis = true;
      }
      case "median" -> first.median = t;
      case "iq_range" -> first.iqRange = t;
      default -> planPair(entry, first, goal(names[1]), t);
    }
  }

  private void planPair(TargetSpec entry, ColumnGoal a, ColumnGoal b, double t) {
    a.needsSpread = true;
    b.needsSpread = true;
    double sign = Math.signum(covariance(a.index, b.index));
    pairs.put(entry.feature() + ":" + a.index + "~" + b.index, new PairGoal(a, b, entry.feature(), t,
        sign == 0 ? 1 : sign));
  }

  /** The centred product {@code E[(x - mu_x)(y - mu_y)]} a pair goal asks for, once every column goal is known. */
  private double centredProduct(PairGoal pair) {
    return switch (pair.feature()) {
      case "cor" -> pair.sign() * pair.target() * popSd(pair.a()) * popSd(pair.b());
      case "gaussian_mi" -> pair.sign() * Math.sqrt(Math.max(0, 1 - Math.exp(-2 * pair.target()))) * popSd(pair.a())
          * popSd(pair.b());
      default -> pair.sign() * pair.target() * (rows - 1.0) / rows;
    };
  }

  private ColumnGoal goal(String name) {
    int index = columns.indexOf(name);
    if (index < 0) {
      throw new InvalidInputException("Unknown continuous column '" + name + "'. The continuous columns are: "
          + String.join(", ", columns) + ".");
    }
    if (goals[index] == null) {
      goals[index] = new ColumnGoal(index, pool[index]);
    }
    return goals[index];
  }

  /** The population standard deviation the column is to have. */
  private double popSd(ColumnGoal goal) {
    double sample = Double.isNaN(goal.sd) ? goal.poolSd : goal.sd;
    return sample * Math.sqrt((rows - 1.0) / rows);
  }

  private void write() {
    for (ColumnGoal goal : goals) {
      if (goal == null) {
        continue;
      }
      String name = columns.get(goal.index);
      double mu = Double.isNaN(goal.mean) ? goal.poolMean : goal.mean;
      boolean moments = goal.needsSpread || goal.needsSkewness || goal.needsKurtosis;
      if (!Double.isNaN(goal.mean) || moments) {
        add("E[" + name + "]", goal.values, 1, mu);
      }
      double s = popSd(goal);
      double second = s * s + mu * mu;
      if (moments) {
        add("E[" + name + "^2]", goal.values, 2, second);
      }
      if (goal.needsSkewness || goal.needsKurtosis) {
        double skew = Double.isNaN(goal.skewness) ? goal.poolSkewness : goal.skewness;
        double sampleSd = s / Math.sqrt((rows - 1.0) / rows);
        double m3 = skew * Math.pow(sampleSd, 3);
        double third = m3 + 3 * mu * second - 2 * Math.pow(mu, 3);
        add("E[" + name + "^3]", goal.values, 3, third);
        if (goal.needsKurtosis) {
          double kurt = Double.isNaN(goal.kurtosis) ? goal.poolKurtosis : goal.kurtosis;
          double m4 = (kurt + 3) * Math.pow(sampleSd, 4);
          double fourth = m4 + 4 * mu * third - 6 * mu * mu * second + 3 * Math.pow(mu, 4);
          add("E[" + name + "^4]", goal.values, 4, fourth);
        }
      }
      writeQuantiles(goal, name);
    }
    for (PairGoal pair : pairs.values()) {
      ColumnGoal a = pair.a();
      ColumnGoal b = pair.b();
      double muA = Double.isNaN(a.mean) ? a.poolMean : a.mean;
      double muB = Double.isNaN(b.mean) ? b.poolMean : b.mean;
      double[] product = new double[a.values.length];
      for (int i = 0; i < product.length; i++) {
        product[i] = a.values[i] * b.values[i];
      }
      add("E[" + columns.get(a.index) + "*" + columns.get(b.index) + "]", product, 1,
          centredProduct(pair) + muA * muB);
    }
  }

  private void writeQuantiles(ColumnGoal goal, String name) {
    boolean median = !Double.isNaN(goal.median);
    boolean range = !Double.isNaN(goal.iqRange);
    if (!median && !range) {
      return;
    }
    double center = median ? goal.median : goal.poolQuantile(0.5);
    double h = Math.max(goal.poolQuantile(0.75) - goal.poolQuantile(0.25), 1e-12) / 100;
    if (median) {
      add("P[" + name + " <= " + center + "]", indicator(goal.values, center, h), 1, 0.5);
    }
    if (range) {
      double poolRange = goal.poolQuantile(0.75) - goal.poolQuantile(0.25);
      double factor = poolRange > 0 ? goal.iqRange / poolRange : 1;
      double low = center - (goal.poolQuantile(0.5) - goal.poolQuantile(0.25)) * factor;
      double high = center + (goal.poolQuantile(0.75) - goal.poolQuantile(0.5)) * factor;
      add("P[" + name + " <= q25]", indicator(goal.values, low, h), 1, 0.25);
      add("P[" + name + " <= q75]", indicator(goal.values, high, h), 1, 0.75);
    }
  }

  private static double[] indicator(double[] x, double q, double h) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = 1 / (1 + Math.exp(-(q - x[i]) / h));
    }
    return out;
  }

  /** Adds {@code E[x^power] = value}; a missing x gets the value itself, so it is neutral. */
  private void add(String name, double[] x, int power, double value) {
    double[] phi = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      phi[i] = Double.isNaN(x[i]) ? value : Math.pow(x[i], power);
    }
    conditions.putIfAbsent(name, new Condition(phi, value));
  }

  private Built result() {
    double[][] phi = new double[conditions.size()][];
    double[] values = new double[conditions.size()];
    int j = 0;
    for (Condition condition : conditions.values()) {
      phi[j] = condition.phi;
      values[j] = condition.value;
      j++;
    }
    return new Built(phi, values, List.copyOf(conditions.keySet()));
  }

  private double covariance(int a, int b) {
    double[] x = pool[a];
    double[] y = pool[b];
    double mx = 0;
    double my = 0;
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        mx += x[i];
        my += y[i];
        n++;
      }
    }
    mx /= Math.max(n, 1);
    my /= Math.max(n, 1);
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        sum += (x[i] - mx) * (y[i] - my);
      }
    }
    return sum;
  }

  /** What one column is to have, and its pool statistics. */
  private static final class ColumnGoal {
    final int index;
    final double[] values;
    final double poolMean;
    final double poolSd;
    final double poolSkewness;
    final double poolKurtosis;
    private double @Nullable [] sorted;
    double mean = Double.NaN;
    double sd = Double.NaN;
    double skewness = Double.NaN;
    double kurtosis = Double.NaN;
    double median = Double.NaN;
    double iqRange = Double.NaN;
    boolean needsSpread;
    boolean needsSkewness;
    boolean needsKurtosis;

    ColumnGoal(int index, double[] values) {
      this.index = index;
      this.values = values;
      double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
      int n = Math.max(present.length, 2);
      double m = Arrays.stream(present).average().orElse(0);
      double m2 = 0;
      double m3 = 0;
      double m4 = 0;
      for (double v : present) {
        double d = v - m;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
      }
      double s = Math.sqrt(m2 / (n - 1));
      this.poolMean = m;
      this.poolSd = s;
      this.poolSkewness = s > 0 ? (m3 / n) / Math.pow(s, 3) : 0;
      this.poolKurtosis = s > 0 ? (m4 / n) / Math.pow(s, 4) - 3 : -3;
    }

    double poolQuantile(double q) {
      if (sorted == null) {
        sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
      }
      double[] s = sorted;
      if (s.length == 0) {
        return 0;
      }
      double position = q * (s.length - 1);
      int low = (int) Math.floor(position);
      int high = Math.min(low + 1, s.length - 1);
      return s[low] + (position - low) * (s[high] - s[low]);
    }
  }
}
