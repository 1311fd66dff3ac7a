package dev.shifter.eval;

import java.util.List;

/**
 * How well a random forest tells synthetic rows from real ones: the test a skeptical reviewer runs,
 * stronger than the logistic regression of the {@link DetectionScore}. Real rows are labelled 1 and
 * synthetic rows 0 (at most {@link QualityEvaluator#FOREST_ROWS} of each table, drawn at random with the
 * evaluator's seed), encoded as for the detection score, and a random forest (Tribuo: 50 CART trees of
 * depth at most 12, a third of the features per split, leaf distributions averaged) is cross-validated
 * over stratified folds.
 *
 * @param auc the mean ROC AUC of the probability of "real" over the folds: 0.5 when the forest cannot
 *     tell the tables apart, 1.0 when it separates them perfectly
 * @param foldAucs each fold's ROC AUC
 * @param rowsPerTable the rows of each table that entered
 */
public record ForestDetection(double auc, List<Double> foldAucs, int rowsPerTable) {
  /** Copies the list. */
  public ForestDetection {
    foldAucs = List.copyOf(foldAucs);
  }
}
