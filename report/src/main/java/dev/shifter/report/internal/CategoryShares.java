package dev.shifter.report.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The share of each category of one column in several tables, for a bar chart: the {@value #TOP}
 * categories with the largest summed share over the tables, and the rest grouped in one bar (when the
 * rest is more than one category). A missing value is a category of its own, {@value #MISSING}.
 *
 * @param categories the categories shown, the group last when there is one
 * @param shares per table, the share of each category shown
 * @param grouped the number of categories in the group (0 when all are shown)
 */
public record CategoryShares(List<String> categories, List<double[]> shares, int grouped) {
  /** The most categories shown on their own. */
  public static final int TOP = 15;
  /** The name of the missing-value category. */
  public static final String MISSING = "(missing)";

  /** Copies the lists. */
  public CategoryShares {
    categories = List.copyOf(categories);
    shares = List.copyOf(shares);
  }

  /**
   * Counts the categories.
   *
   * @param columns the labels of each table ({@code null} = missing)
   * @return the shares
   */
  public static CategoryShares of(List<@Nullable String[]> columns) {
    List<Map<String, Double>> perTable = new ArrayList<>();
    Map<String, Double> total = new LinkedHashMap<>();
    for (@Nullable String[] labels : columns) {
      Map<String, Double> counts = new HashMap<>();
      for (@Nullable String label : labels) {
        counts.merge(label == null ? MISSING : label, 1.0, Double::sum);
      }
      counts.replaceAll((k, v) -> labels.length == 0 ? 0 : v / labels.length);
      counts.forEach((k, v) -> total.merge(k, v, Double::sum));
      perTable.add(counts);
    }
    List<String> ranked = new ArrayList<>(total.keySet());
    ranked.sort(Comparator.comparingDouble((String k) -> -total.getOrDefault(k, 0.0))
        .thenComparing(Comparator.naturalOrder()));
    boolean group = ranked.size() > TOP + 1;
    List<String> shown = group ? ranked.subList(0, TOP) : ranked;
    int grouped = group ? ranked.size() - TOP : 0;
    List<String> categories = new ArrayList<>(shown);
    if (group) {
      categories.add("other (" + grouped + ")");
    }
    List<double[]> shares = new ArrayList<>();
    for (Map<String, Double> counts : perTable) {
      double[] values = new double[categories.size()];
      double shownSum = 0;
      for (int i = 0; i < shown.size(); i++) {
        values[i] = counts.getOrDefault(shown.get(i), 0.0);
        shownSum += values[i];
      }
      if (group) {
        double all = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        values[values.length - 1] = Math.max(0, all - shownSum);
      }
      shares.add(values);
    }
    return new CategoryShares(categories, shares, grouped);
  }
}
