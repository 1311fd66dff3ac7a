package dev.shifter.spark.internal;

import java.io.Serializable;
import java.util.List;

/**
 * What each partition summarizes: the mergeable features (those of the continuous columns on the rows
 * complete in them, the others on the rows complete in every column), whether the continuous columns get a
 * quantile sketch, and how many rows the seeded sample keeps.
 *
 * @param layout the columns
 * @param continuousFeatures mergeable features of the continuous columns, by name
 * @param wholeFeatures mergeable features of the whole table, by name
 * @param sketches whether to sketch the continuous columns' quantiles
 * @param relativeError the sketches' rank error, a share of the rows
 * @param sampleRows the rows the sample keeps, 0 for none
 * @param seed the seed of the sample
 */
public record SummaryPlan(ColumnLayout layout, List<String> continuousFeatures, List<String> wholeFeatures,
    boolean sketches, double relativeError, int sampleRows, long seed) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Copies the lists. */
  public SummaryPlan {
    continuousFeatures = List.copyOf(continuousFeatures);
    wholeFeatures = List.copyOf(wholeFeatures);
  }
}
