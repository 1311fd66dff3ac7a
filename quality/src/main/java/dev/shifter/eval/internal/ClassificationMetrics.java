package dev.shifter.eval.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Accuracy and F1 of predicted class labels against the true ones. */
public final class ClassificationMetrics {
  private ClassificationMetrics() {}

  /**
   * Accuracy and F1 of one set of predictions.
   *
   * @param accuracy the share of correct predictions
   * @param f1 the binary F1 of the positive class, or the macro F1
   */
  public record Metrics(double accuracy, double f1) {}

  /**
   * Scores predictions.
   *
   * @param truth the true labels
   * @param predicted the predicted labels, as many
   * @param positive the positive class for a binary F1, or {@code null} for the macro F1 (the mean F1 of
   *     every class that is true or predicted at least once)
   * @return accuracy and F1
   */
  public static Metrics of(String[] truth, String[] predicted, @Nullable String positive) {
    if (truth.length != predicted.length || truth.length == 0) {
      throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
    }
    int correct = 0;
    for (int i = 0; i < truth.length; i++) {
      if (truth[i].equals(predicted[i])) {
        correct++;
      }
    }
    double accuracy = (double) correct / truth.length;
    if (positive != null) {
      return new Metrics(accuracy, f1(truth, predicted, positive));
    }
    Set<String> classes = new LinkedHashSet<>();
    for (int i = 0; i < truth.length; i++) {
      classes.add(truth[i]);
      classes.add(predicted[i]);
    }
    double sum = 0;
    for (String label : classes) {
      sum += f1(truth, predicted, label);
    }
    return new Metrics(accuracy, sum / classes.size());
  }

  /**
   * Returns the F1 of one class, {@code 2 TP / (2 TP + FP + FN)}, or 0 when the class is neither true
   * nor predicted anywhere.
   *
   * @param truth the true labels
   * @param predicted the predicted labels
   * @param label the class
   * @return its F1 in [0, 1]
   */
  public static double f1(String[] truth, String[] predicted, String label) {
    long truePositives = 0;
    long falsePositives = 0;
    long falseNegatives = 0;
    for (int i = 0; i < truth.length; i++) {
      boolean isTrue = truth[i].equals(label);
      boolean isPredicted = predicted[i].equals(label);
      if (isTrue && isPredicted) {
        truePositives++;
      } else if (isPredicted) {
        falsePositives++;
      } else if (isTrue) {
        falseNegatives++;
      }
    }
    long denominator = 2 * truePositives + falsePositives + falseNegatives;
    return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
  }
}
