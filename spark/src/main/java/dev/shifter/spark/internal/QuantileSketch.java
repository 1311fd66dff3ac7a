package dev.shifter.spark.internal;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.util.QuantileSummaries;

/**
 * A mergeable quantile sketch of one column: Spark's Greenwald-Khanna summary (the one behind
 * {@code approxQuantile}), whose answer for a probability {@code p} over {@code n} values has a rank within
 * {@code relativeError * n} of {@code p * n}, whatever the order and split of the values.
 */
final class QuantileSketch implements Serializable {
  private static final long serialVersionUID = 1L;

  private QuantileSummaries summary;

  QuantileSketch(double relativeError) {
    summary = new QuantileSummaries(QuantileSummaries.defaultCompressThreshold(), relativeError,
        QuantileSummaries.$lessinit$greater$default$3(), 0L, false);
  }

  void add(double value) {
    summary = summary.insert(value);
  }

  /** Compresses the buffered values into the summary (before it is sent or queried). */
  QuantileSketch compress() {
    summary = summary.compress();
    return this;
  }

  QuantileSketch merge(QuantileSketch other) {
    summary = compress().summary.merge(other.compress().summary);
    return this;
  }

  long count() {
    return summary.count();
  }

  double quantile(double p) {
    return (Double) compress().summary.query(p).get();
  }
}
