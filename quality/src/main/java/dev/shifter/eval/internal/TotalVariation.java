package dev.shifter.eval.internal;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The total-variation distance between the category frequencies of two samples. */
public final class TotalVariation {
  private TotalVariation() {}

  /**
   * Returns {@code 0.5 * sum_c |p_a(c) - p_b(c)|} over the union of the categories of both samples,
   * where {@code p} is a category's share of its sample's rows and a missing value ({@code null}) is
   * a category of its own.
   *
   * @param a the first sample
   * @param b the second sample
   * @return the distance in [0, 1]; 0 when both samples are empty, 1 when only one is
   */
  public static double distance(@Nullable String[] a, @Nullable String[] b) {
    if (a.length == 0 || b.length == 0) {
      return a.length == b.length ? 0 : 1;
    }
    Map<@Nullable String, long[]> counts = new HashMap<>();
    for (@Nullable String label : a) {
      counts.computeIfAbsent(label, l -> new long[2])[0]++;
    }
    for (@Nullable String label : b) {
      counts.computeIfAbsent(label, l -> new long[2])[1]++;
    }
    double sum = 0;
    for (long[] count : counts.values()) {
      sum += Math.abs((double) count[0] / a.length - (double) count[1] / b.length);
    }
    return Math.min(1, 0.5 * sum);
  }

  /**
   * Returns the TV complement {@code 1 - distance(a, b)}: 1 when the category frequencies are equal.
   *
   * @param a the first sample ({@code null} = missing, its own category)
   * @param b the second sample ({@code null} = missing, its own category)
   * @return the complement in [0, 1]
   */
  public static double complement(@Nullable String[] a, @Nullable String[] b) {
    return 1 - distance(a, b);
  }
}
