package dev.shifter.spark;

import dev.shifter.api.InvalidInputException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which meta-features {@link ShifterSpark#metaFeatures(org.apache.spark.sql.Dataset, MetaFeatureQuery)}
 * computes, and how closely: build one with {@link #builder()}.
 *
 * @param features the features' names (installed on the driver and the executors)
 * @param label the label column, or {@code null}
 * @param relativeError the quantile sketches' rank error, a share of the rows
 * @param sampleRows the size of the seeded sample for the features that are neither mergeable nor quantiles
 * @param seed the sample's seed
 */
public record MetaFeatureQuery(List<String> features, @Nullable String label, double relativeError,
    int sampleRows, long seed) {

  /** The default rank error of the quantile sketches: {@value} of the rows. */
  public static final double DEFAULT_RELATIVE_ERROR = 1e-4;

  /** The default size of the seeded sample: {@value} rows. */
  public static final int DEFAULT_SAMPLE_ROWS = 100_000;

  /** Checks the settings. */
  public MetaFeatureQuery {
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new InvalidInputException("Name at least one meta-feature to compute (e.g. mean, cor, median).");
    }
    if (!(relativeError > 0 && relativeError < 1)) {
      throw new InvalidInputException("The sketches' relative error must lie in (0, 1), got " + relativeError
          + ". 1e-4 (the default) puts a quantile within 0.01 % of the rows in rank.");
    }
    if (sampleRows < 1) {
      throw new InvalidInputException("The sample needs at least 1 row, got " + sampleRows + ".");
    }
  }

  /**
   * Starts a query.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link MetaFeatureQuery}: {@link #setFeatures} is required. */
  public static final class Builder {
    private @Nullable List<String> features;
    private @Nullable String label;
    private double relativeError = DEFAULT_RELATIVE_ERROR;
    private int sampleRows = DEFAULT_SAMPLE_ROWS;
    private long seed;

    private Builder() {}

    /**
     * Sets the features.
     *
     * @param names their names
     * @return this builder
     */
    public Builder setFeatures(List<String> names) {
      this.features = List.copyOf(names);
      return this;
    }

    /**
     * Names the label column.
     *
     * @param column the label
     * @return this builder
     */
    public Builder optLabel(String column) {
      this.label = column;
      return this;
    }

    /**
     * Sets the quantile sketches' rank error (default {@value #DEFAULT_RELATIVE_ERROR}).
     *
     * @param error a share of the rows
     * @return this builder
     */
    public Builder optRelativeError(double error) {
      this.relativeError = error;
      return this;
    }

    /**
     * Sets the size of the seeded sample (default {@value #DEFAULT_SAMPLE_ROWS}).
     *
     * @param rows the rows
     * @return this builder
     */
    public Builder optSampleRows(int rows) {
      this.sampleRows = rows;
      return this;
    }

    /**
     * Sets the sample's seed (default 0).
     *
     * @param value the seed
     * @return this builder
     */
    public Builder optSeed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     */
    public MetaFeatureQuery build() {
      return new MetaFeatureQuery(Objects.requireNonNull(features, "setFeatures is required"), label, relativeError,
          sampleRows, seed);
    }
  }
}
