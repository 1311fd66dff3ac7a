package dev.shifter.spark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The meta-features of a distributed table, each with how it was computed.
 *
 * @param values per feature and entry the value, keyed as {@code shifter metafeatures} keys them
 * @param methods per feature how its value was computed
 * @param rows the table's rows
 * @param continuousRows the rows with a value in every continuous column (what features of them see)
 * @param wholeRows the rows with a value in every column (what features of the whole table see)
 * @param sampleRows the rows of the seeded sample the {@link Method#SAMPLE} features saw (0 if none did)
 * @param quantileRankError the sketches' bound: a {@link Method#SKETCH} quantile at {@code p} is a value of
 *     the column whose rank lies within {@code quantileRankError * continuousRows} of {@code p * continuousRows}
 * @param failures the features that failed, with the reason; the others are unaffected
 * @param emptyColumns columns left out because they hold no value at all
 * @param needLabel features left out because they need a label and none was named
 */
public record DistributedMetaFeatures(Map<String, Map<String, Double>> values, Map<String, Method> methods,
    long rows, long continuousRows, long wholeRows, int sampleRows, double quantileRankError,
    Map<String, String> failures, List<String> emptyColumns, List<String> needLabel) {

  /** How a feature of a distributed table was computed. */
  public enum Method {
    /** Exactly, from per-partition summaries merged on the driver (double precision). */
    EXACT,
    /** From mergeable quantile sketches, within {@link #quantileRankError()} in rank. */
    SKETCH,
    /** On a seeded uniform sample of {@link #sampleRows()} rows (all rows when the table is smaller). */
    SAMPLE
  }

  /** Copies the maps and lists. */
  public DistributedMetaFeatures {
    Map<String, Map<String, Double>> copied = new LinkedHashMap<>();
    values.forEach((feature, entries) -> copied.put(feature, Collections.unmodifiableMap(
        new LinkedHashMap<>(entries))));
    values = Collections.unmodifiableMap(copied);
    methods = Collections.unmodifiableMap(new LinkedHashMap<>(methods));
    failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    emptyColumns = List.copyOf(emptyColumns);
    needLabel = List.copyOf(needLabel);
  }

  /**
   * Returns one value.
   *
   * @param feature the feature's name
   * @param entry the entry's key, e.g. {@code "age"} or {@code "age~income"}
   * @return the value, or NaN when it was not computed
   */
  public double get(String feature, String entry) {
    Map<String, Double> entries = values.get(feature);
    Double value = entries == null ? null : entries.get(entry);
    return value == null ? Double.NaN : value;
  }
}
