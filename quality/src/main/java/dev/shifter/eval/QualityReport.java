package dev.shifter.eval;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The quality of a synthetic table against a real one; see {@link QualityEvaluator}.
 *
 * @param realRows the rows of the real table (the detection score and the marginals use them all)
 * @param syntheticRows the rows of the synthetic table
 * @param continuousColumns the continuous columns, in the real table's order
 * @param categoricalColumns the categorical columns, in the real table's order
 * @param seed the seed of the folds, the split and the classifiers
 * @param detection the detection score
 * @param marginals the per-column fidelity
 * @param efficacy the machine-learning efficacy, or {@code null} when no label column was given
 */
public record QualityReport(int realRows, int syntheticRows, List<String> continuousColumns,
    List<String> categoricalColumns, long seed, DetectionScore detection, MarginalFidelity marginals,
    @Nullable MlEfficacy efficacy) {
  /** Copies the lists. */
  public QualityReport {
    continuousColumns = List.copyOf(continuousColumns);
    categoricalColumns = List.copyOf(categoricalColumns);
  }
}
