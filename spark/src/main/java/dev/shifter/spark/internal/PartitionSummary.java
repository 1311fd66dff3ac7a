package dev.shifter.spark.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one partition (or, once merged, the whole table) contributes to the meta-features: row counts, the
 * values per column, the mergeable features' summaries, the quantile sketches and the sampled rows.
 */
public final class PartitionSummary implements Serializable {
  private static final long serialVersionUID = 1L;

  long rows;
  long continuousRows;
  long wholeRows;
  final long[] continuousValues;
  final long[] categoricalValues;
  final Map<String, Serializable> summaries = new LinkedHashMap<>();
  final Map<String, String> failures = new LinkedHashMap<>();
  final @Nullable QuantileSketch[] sketches;
  List<SampledRow> sample = new ArrayList<>();

  PartitionSummary(ColumnLayout layout, boolean sketched, double relativeError) {
    continuousValues = new long[layout.continuousNames().size()];
    categoricalValues = new long[layout.categoricalNames().size()];
    sketches = new QuantileSketch[sketched ? continuousValues.length : 0];
    for (int j = 0; j < sketches.length; j++) {
      sketches[j] = new QuantileSketch(relativeError);
    }
  }

  /** The number of rows. */
  public long rows() {
    return rows;
  }

  /** The number of rows with a value in every continuous column. */
  public long continuousRows() {
    return continuousRows;
  }

  /** The number of rows with a value in every column. */
  public long wholeRows() {
    return wholeRows;
  }

  /** The merged summary of a mergeable feature, absent when it failed or saw no row. */
  public @Nullable Serializable summary(String feature) {
    return summaries.get(feature);
  }

  /** The features that failed, with the reason. */
  public Map<String, String> failures() {
    return failures;
  }

  /** The quantile at {@code p} of a continuous column, by its number in the layout. */
  public double quantile(int column, double p) {
    QuantileSketch sketch = sketches[column];
    if (sketch == null) {
      throw new IllegalStateException("No sketch was kept for column " + column + ".");
    }
    return sketch.quantile(p);
  }

  /** The rows sampled, in key order. */
  public List<SampledRow> sample() {
    return sample;
  }

  /**
   * Names the columns of a layout that hold no value at all.
   *
   * @param layout the layout the partitions used
   * @return the empty columns' names
   */
  public List<String> emptyColumns(ColumnLayout layout) {
    List<String> empty = new ArrayList<>();
    if (rows == 0) {
      return empty;
    }
    for (int j = 0; j < continuousValues.length; j++) {
      if (continuousValues[j] == 0) {
        empty.add(layout.continuousNames().get(j));
      }
    }
    for (int j = 0; j < categoricalValues.length; j++) {
      if (categoricalValues[j] == 0) {
        empty.add(layout.categoricalNames().get(j));
      }
    }
    return empty;
  }

  /** Keeps the {@code size} rows of the sample with the smallest keys. */
  void trimSample(int size) {
    sample.sort(Comparator.comparingDouble(SampledRow::key));
    if (sample.size() > size) {
      sample = new ArrayList<>(sample.subList(0, size));
    }
  }
}
