package dev.shifter.eval;

import java.util.List;

/**
 * The detection score, as SDMetrics' {@code LogisticDetection} defines it: all real rows are labelled
 * 1 and all synthetic rows 0; the rows are encoded (categorical columns one-hot with a missing value
 * as a category of its own, continuous columns standardised with the training fold's mean and
 * standard deviation, a missing value replaced by that mean plus a missing-indicator feature); a
 * logistic regression (L2 penalty, C = 1, as scikit-learn's default in SDMetrics; see
 * {@link EfficacyClassifier#LOGISTIC_REGRESSION}) is cross-validated over stratified folds (3 by
 * default); each fold's ROC AUC of the predicted
 * probability of "real" gives {@code s = 2 max(0.5, AUC) - 1}; the score is {@code 1 - mean(s)}.
 *
 * @param score 1 when the classifier cannot tell synthetic rows from real ones, 0 when it separates
 *     them perfectly
 * @param foldAucs each fold's ROC AUC (Mann-Whitney, ties counting one half)
 * @param encodedFeatures the number of features after encoding (first fold's training rows)
 */
public record DetectionScore(double score, List<Double> foldAucs, int encodedFeatures) {
  /** Copies the list. */
  public DetectionScore {
    foldAucs = List.copyOf(foldAucs);
  }

  /**
   * Returns the number of cross-validation folds.
   *
   * @return the fold count
   */
  public int folds() {
    return foldAucs.size();
  }
}
