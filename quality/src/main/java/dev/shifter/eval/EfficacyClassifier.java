package dev.shifter.eval;

/**
 * The classifiers of the machine-learning efficacy, from Tribuo 4.3 (Apache-2.0, pure Java). The
 * CTGAN paper averages a decision tree, AdaBoost, logistic regression and an MLP on Adult; these are
 * the two of them that Tribuo provides natively.
 */
public enum EfficacyClassifier {
  /**
   * Logistic regression with an L2 penalty of cost C = 1 (scikit-learn's default), fitted to convergence
   * by LIBLINEAR's trust-region Newton solver (Tribuo's {@code LibLinearClassificationTrainer},
   * {@code L2R_LR}); one model per class against the rest for a multi-class label.
   */
  LOGISTIC_REGRESSION("logistic_regression"),
  /**
   * A CART decision tree (Gini impurity, at most 20 levels as in the CTGAN paper's benchmark, at least
   * 5 examples per leaf): Tribuo's {@code CARTClassificationTrainer}.
   */
  DECISION_TREE("decision_tree");

  private final String id;

  EfficacyClassifier(String id) {
    this.id = id;
  }

  /**
   * Returns the stable lower-case name used in JSON output, e.g. {@code logistic_regression}.
   *
   * @return the identifier
   */
  public String id() {
    return id;
  }
}
