package dev.shifter.eval.internal;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * The detection score as SDMetrics' {@code LogisticDetection} defines it: real rows are labelled 1
 * and synthetic rows 0, all rows of both tables; a logistic regression is cross-validated over
 * stratified folds; each fold's ROC AUC gives {@code s = 2 max(0.5, AUC) - 1}; the score is
 * {@code 1 - mean(s)}, 1 when the classifier cannot tell the tables apart and 0 when it separates
 * them perfectly.
 */
public final class Detection {
  private static final String REAL = "real";
  private static final Label REAL_LABEL = new Label(REAL);
  private static final Label SYNTHETIC_LABEL = new Label("synthetic");

  private Detection() {}

  /**
   * The outcome.
   *
   * @param score {@code 1 - mean(s)}
   * @param foldAucs each fold's ROC AUC of the probability of "real"
   * @param encodedFeatures the number of features of the first fold's encoding
   */
  public record Result(double score, List<Double> foldAucs, int encodedFeatures) {
    /** Copies the AUCs. */
    public Result {
      foldAucs = List.copyOf(foldAucs);
    }
  }

  /**
   * Computes the detection score.
   *
   * @param real the real rows
   * @param synthetic the synthetic rows, with the same columns; every column is a feature
   * @param folds the number of cross-validation folds, at least 2 and at most the rows of either table
   * @param seed the seed of the folds and of the classifier
   * @return the score and the fold AUCs
   */
  public static Result score(ColumnArrays real, ColumnArrays synthetic, int folds, long seed) {
    return score(real, synthetic, folds, seed, Learner.LOGISTIC_REGRESSION);
  }

  /**
   * Computes the detection score with another classifier.
   *
   * @param real the real rows
   * @param synthetic the synthetic rows, with the same columns; every column is a feature
   * @param folds the number of cross-validation folds
   * @param seed the seed of the folds and of the classifier
   * @param learner the classifier
   * @return the score and the fold AUCs
   */
  public static Result score(ColumnArrays real, ColumnArrays synthetic, int folds, long seed, Learner learner) {
    ColumnArrays data = ColumnArrays.stack(real, synthetic);
    int n = data.rows();
    int[] classes = new int[n];
    Arrays.fill(classes, 0, real.rows(), 1);
    Label[] outputs = new Label[n];
    for (int i = 0; i < n; i++) {
      outputs[i] = classes[i] == 1 ? REAL_LABEL : SYNTHETIC_LABEL;
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    int[] foldOf = StratifiedSplit.folds(classes, 2, folds, seeds.nextLong());
    int[] columns = IntStream.range(0, data.width()).toArray();
    double[] aucs = new double[folds];
    double sum = 0;
    int width = 0;
    for (int fold = 0; fold < folds; fold++) {
      int current = fold;
      int[] train = IntStream.range(0, n).filter(i -> foldOf[i] != current).toArray();
      int[] test = IntStream.range(0, n).filter(i -> foldOf[i] == current).toArray();
      FeatureEncoder encoder = FeatureEncoder.fit(data, train, columns);
      if (fold == 0) {
        width = encoder.width();
      }
      List<Example<Label>> trainExamples = encoder.encode(data, train, pick(outputs, train));
      List<Example<Label>> testExamples = encoder.encode(data, test, pick(outputs, test));
      Learner.Fitted model = learner.fit(trainExamples, seeds.nextLong());
      double[] probability = model.probability(testExamples, REAL);
      boolean[] isReal = new boolean[test.length];
      for (int i = 0; i < test.length; i++) {
        isReal[i] = classes[test[i]] == 1;
      }
      aucs[fold] = RocAuc.of(probability, isReal);
      sum += 2 * Math.max(0.5, aucs[fold]) - 1;
    }
    return new Result(1 - sum / folds, Arrays.stream(aucs).boxed().toList(), width);
  }

  private static Label[] pick(Label[] outputs, int[] rows) {
    Label[] picked = new Label[rows.length];
    for (int i = 0; i < rows.length; i++) {
      picked[i] = outputs[rows[i]];
    }
    return picked;
  }
}
