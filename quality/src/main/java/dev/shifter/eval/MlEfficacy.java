package dev.shifter.eval;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Machine-learning efficacy: each classifier is trained on the synthetic table and, as a baseline, on
 * the real training rows; both are tested on the same real test rows. The features are all columns
 * but the label, encoded as for the {@link DetectionScore} with the statistics of each training
 * table. Rows whose label is missing take no part.
 *
 * @param label the label column
 * @param positiveClass for a binary label the class whose F1 is reported, the less frequent one in
 *     the real table (on a tie the one that sorts first); {@code null} for a multi-class label, whose F1
 *     is the macro F1
 * @param heldOut {@code true} when the test rows were held out of the real table (stratified by
 *     label) and the real baseline trained on the rest; {@code false} when the caller gave a real test
 *     table and the baseline trained on the whole real table
 * @param heldOutFraction the share of the real table held out; 0 when a test table was given
 * @param realTrainRows the real rows the baseline trained on
 * @param syntheticTrainRows the synthetic rows the classifiers trained on
 * @param testRows the real test rows
 * @param classifiers each classifier's scores
 * @param meanTrainedOnSynthetic the classifiers' mean accuracy and F1 when trained on synthetic rows
 * @param meanTrainedOnReal the classifiers' mean accuracy and F1 when trained on real rows
 */
public record MlEfficacy(String label, @Nullable String positiveClass, boolean heldOut, double heldOutFraction,
    int realTrainRows, int syntheticTrainRows, int testRows, List<ClassifierScores> classifiers,
    Scores meanTrainedOnSynthetic, Scores meanTrainedOnReal) {
  /** Copies the list. */
  public MlEfficacy {
    classifiers = List.copyOf(classifiers);
  }

  /**
   * Tells whether the label has two classes (F1 of {@link #positiveClass()}) rather than more (macro F1).
   *
   * @return {@code true} for a binary label
   */
  public boolean binary() {
    return positiveClass != null;
  }
}
