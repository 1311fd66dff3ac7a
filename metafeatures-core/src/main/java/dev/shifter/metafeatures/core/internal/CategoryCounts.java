package dev.shifter.metafeatures.core.internal;

import dev.shifter.api.Arity;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.RowBlock;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mergeable summary behind the exact distributed forms of {@code freq} and {@code class_ent}: the number
 * of rows and, per categorical column (the label's last), the count of each category, in sorted order as
 * the table views sort them.
 */
public final class CategoryCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> columns;
  private final List<TreeMap<String, Long>> counts;
  private long rows;

  private CategoryCounts(List<String> columns) {
    this.columns = List.copyOf(columns);
    this.counts = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      counts.add(new TreeMap<>());
    }
  }

  /**
   * Counts the categories of a block's categorical columns and label.
   *
   * @param block the rows
   * @param labelOnly whether to count the label alone
   * @param feature the feature that counts, named in errors
   * @return the counts
   */
  public static CategoryCounts of(RowBlock block, boolean labelOnly, String feature) {
    List<String> names = new ArrayList<>();
    List<String[]> values = new ArrayList<>();
    if (!labelOnly) {
      names.addAll(block.categoricalNames());
      values.addAll(List.of(block.categorical()));
    }
    String label = block.labelName();
    if (label != null) {
      names.add(label);
      values.add(block.requireLabel(feature));
    } else if (labelOnly) {
      block.requireLabel(feature);
    }
    CategoryCounts summary = new CategoryCounts(names);
    summary.rows = block.rows();
    for (int c = 0; c < names.size(); c++) {
      TreeMap<String, Long> column = summary.counts.get(c);
      for (String value : values.get(c)) {
        column.merge(value, 1L, Long::sum);
      }
    }
    return summary;
  }

  /**
   * Merges another summary of the same columns into this one.
   *
   * @param other the counts of other rows
   * @return this summary, now of both
   */
  public CategoryCounts merge(CategoryCounts other) {
    if (!columns.equals(other.columns)) {
      throw new InvalidInputException("Cannot merge category counts of different columns: " + columns + " and "
          + other.columns + ". Summarize every part with the same columns.");
    }
    rows += other.rows;
    for (int c = 0; c < columns.size(); c++) {
      TreeMap<String, Long> column = counts.get(c);
      other.counts.get(c).forEach((category, count) -> column.merge(category, count, Long::sum));
    }
    return this;
  }

  /**
   * Returns each category's share of the rows, keyed {@code "column=category"}, columns in order and
   * categories sorted.
   *
   * @return the shares
   */
  public Map<String, Double> shares() {
    Map<String, Double> entries = new LinkedHashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      String prefix = columns.get(c) + Arity.CATEGORY_SEPARATOR;
      counts.get(c).forEach((category, count) -> entries.put(prefix + category, (double) count / rows));
    }
    return entries;
  }

  /**
   * Returns the entropy in bits of the last column (the label when there is one).
   *
   * @return the entropy
   */
  public double lastColumnEntropy() {
    double h = 0;
    for (long count : counts.get(columns.size() - 1).values()) {
      double p = (double) count / rows;
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }
}
