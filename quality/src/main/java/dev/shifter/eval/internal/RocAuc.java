package dev.shifter.eval.internal;

import java.util.Arrays;

/** The area under the ROC curve, computed exactly as the Mann-Whitney U statistic with tied ranks. */
public final class RocAuc {
  private RocAuc() {}

  /**
   * Returns the probability that a random positive scores above a random negative, a tie counting
   * one half: {@code (R+ - n+ (n+ + 1) / 2) / (n+ n-)} with {@code R+} the sum of the positives'
   * ranks among all scores, tied scores sharing their mean rank.
   *
   * @param scores one score per example, larger meaning more likely positive
   * @param positive whether each example is positive
   * @return the AUC in [0, 1]
   * @throws IllegalArgumentException if the arrays differ in length, a score is {@code NaN}, or the
   *     examples are all positive or all negative
   */
  public static double of(double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
    }
    int n = scores.length;
    long positives = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is NaN");
      }
      if (positive[i]) {
        positives++;
      }
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("the AUC needs positive and negative examples; got " + positives
          + " positive and " + negatives + " negative");
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (p, q) -> Double.compare(scores[p], scores[q]));
    double positiveRankSum = 0;
    int start = 0;
    while (start < n) {
      int end = start;
      while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
        end++;
      }
      double meanRank = (start + end) / 2.0 + 1;
      for (int k = start; k <= end; k++) {
        if (positive[order[k]]) {
          positiveRankSum += meanRank;
        }
      }
      start = end + 1;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
