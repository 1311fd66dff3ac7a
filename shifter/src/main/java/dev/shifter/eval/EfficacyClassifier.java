package dev.shifter.eval;

/** The classifiers of the machine-learning efficacy, all from Tribuo 4.3. */
public enum EfficacyClassifier {
  /**
   * Multinomial logistic regression fitted by stochastic gradient descent (AdaGrad, learning rate 1.0,
   * 5 epochs, one example at a time, no regularisation): Tribuo's {@code LogisticRegressionTrainer}.
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
