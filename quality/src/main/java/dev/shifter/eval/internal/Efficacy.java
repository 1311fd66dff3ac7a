package dev.shifter.eval.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * Machine-learning efficacy: each classifier is trained once on the synthetic rows and once on the
 * real training rows, and both are tested on the same real test rows. Rows whose label is missing
 * take no part. Features are every column but the label, encoded by {@link FeatureEncoder} with
 * statistics of the training rows of each run.
 */
public final class Efficacy {
  private Efficacy() {}

  /**
   * One classifier's scores.
   *
   * @param learner the classifier
   * @param synthetic its scores when trained on the synthetic rows
   * @param real its scores when trained on the real training rows
   */
  public record LearnerScores(Learner learner, ClassificationMetrics.Metrics synthetic,
      ClassificationMetrics.Metrics real) {}

  /**
   * The outcome.
   *
   * @param positiveClass the positive class of a binary label, or {@code null} for a multi-class
   *     label (macro F1)
   * @param realTrainRows real rows the real baseline was trained on
   * @param syntheticTrainRows synthetic rows with a label
   * @param testRows real test rows
   * @param scores one entry per classifier, in the order asked
   */
  public record Result(@Nullable String positiveClass, int realTrainRows, int syntheticTrainRows, int testRows,
      List<LearnerScores> scores) {
    /** Copies the list. */
    public Result {
      scores = List.copyOf(scores);
    }
  }

  /**
   * Returns the positive class: with exactly two classes among the labelled real rows, the less
   * frequent one (on a tie the one that sorts first); {@code null} with more than two classes.
   *
   * @param labels the real table's label column ({@code null} = missing, ignored)
   * @return the positive class, or {@code null} for a multi-class label
   * @throws IllegalArgumentException with fewer than two classes
   */
  public static @Nullable String positiveClass(@Nullable String[] labels) {
    Map<String, Integer> counts = new TreeMap<>();
    for (@Nullable String label : labels) {
      if (label != null) {
        counts.merge(label, 1, Integer::sum);
      }
    }
    if (counts.size() < 2) {
      throw new IllegalArgumentException("fewer than two classes: " + counts.keySet());
    }
    if (counts.size() > 2) {
      return null;
    }
    @Nullable String rarest = null;
    int fewest = Integer.MAX_VALUE;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      if (rarest == null || entry.getValue() < fewest) {
        rarest = entry.getKey();
        fewest = entry.getValue();
      }
    }
    return rarest;
  }

  /**
   * Runs the evaluation with a real test table given by the caller.
   *
   * @param realTrain the real training table
   * @param realTest the real test table, same columns
   * @param synthetic the synthetic table, same columns
   * @param label the label column's index (categorical)
   * @param learners the classifiers
   * @param seed the classifiers' seed
   * @return the scores
   */
  public static Result run(ColumnArrays realTrain, ColumnArrays realTest, ColumnArrays synthetic, int label,
      List<Learner> learners, long seed) {
    return run(realTrain, labelled(realTrain, label), realTest, labelled(realTest, label), synthetic, label,
        learners, seed);
  }

  /**
   * Runs the evaluation holding out a stratified share of the real table's labelled rows as the test
   * rows; the real baseline trains on the rest.
   *
   * @param real the real table
   * @param synthetic the synthetic table, same columns
   * @param label the label column's index (categorical)
   * @param testFraction the share of each class held out
   * @param learners the classifiers
   * @param seed the seed of the split and of the classifiers
   * @return the scores
   */
  public static Result runHeldOut(ColumnArrays real, ColumnArrays synthetic, int label, double testFraction,
      List<Learner> learners, long seed) {
    @Nullable String[] labels = real.labels(label);
    Map<String, Integer> classIds = new HashMap<>();
    int[] classes = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      String value = labels[i];
      classes[i] = value == null ? -1 : classIds.computeIfAbsent(value, v -> classIds.size());
    }
    SplittableRandom seeds = new SplittableRandom(seed);
    int[] part = StratifiedSplit.holdOut(classes, classIds.size(), testFraction, seeds.nextLong());
    int[] train = IntStream.range(0, part.length).filter(i -> part[i] == 0).toArray();
    int[] test = IntStream.range(0, part.length).filter(i -> part[i] == 1).toArray();
    return run(real, train, real, test, synthetic, label, learners, seeds.nextLong());
  }

  private static Result run(ColumnArrays realTrain, int[] trainRows, ColumnArrays realTest, int[] testRows,
      ColumnArrays synthetic, int label, List<Learner> learners, long seed) {
    String positive = positiveClass(realTrain.labels(label));
    int[] syntheticRows = labelled(synthetic, label);
    int[] features = IntStream.range(0, realTrain.width()).filter(j -> j != label).toArray();
    String[] truth = names(realTest, label, testRows);

    FeatureEncoder realEncoder = FeatureEncoder.fit(realTrain, trainRows, features);
    List<Example<Label>> realExamples = realEncoder.encode(realTrain, trainRows, outputs(realTrain, label, trainRows));
    List<Example<Label>> realTestExamples = realEncoder.encode(realTest, testRows, outputs(realTest, label, testRows));
    FeatureEncoder syntheticEncoder = FeatureEncoder.fit(synthetic, syntheticRows, features);
    List<Example<Label>> syntheticExamples =
        syntheticEncoder.encode(synthetic, syntheticRows, outputs(synthetic, label, syntheticRows));
    List<Example<Label>> syntheticTestExamples =
        syntheticEncoder.encode(realTest, testRows, outputs(realTest, label, testRows));

    SplittableRandom seeds = new SplittableRandom(seed);
    List<LearnerScores> scores = new ArrayList<>();
    for (Learner learner : learners) {
      long learnerSeed = seeds.nextLong();
      String[] fromSynthetic = learner.fit(syntheticExamples, learnerSeed).predict(syntheticTestExamples);
      String[] fromReal = learner.fit(realExamples, learnerSeed).predict(realTestExamples);
      scores.add(new LearnerScores(learner, ClassificationMetrics.of(truth, fromSynthetic, positive),
          ClassificationMetrics.of(truth, fromReal, positive)));
    }
    return new Result(positive, trainRows.length, syntheticRows.length, testRows.length, scores);
  }

  /**
   * Returns the rows whose label is present.
   *
   * @param data the table
   * @param label the label column's index
   * @return the row indices
   */
  public static int[] labelled(ColumnArrays data, int label) {
    @Nullable String[] labels = data.labels(label);
    return IntStream.range(0, labels.length).filter(i -> labels[i] != null).toArray();
  }

  private static String[] names(ColumnArrays data, int label, int[] rows) {
    @Nullable String[] labels = data.labels(label);
    String[] names = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      String value = labels[rows[i]];
      names[i] = value == null ? "" : value;
    }
    return names;
  }

  private static Label[] outputs(ColumnArrays data, int label, int[] rows) {
    String[] names = names(data, label, rows);
    Map<String, Label> shared = new HashMap<>();
    Label[] outputs = new Label[rows.length];
    for (int i = 0; i < rows.length; i++) {
      outputs[i] = shared.computeIfAbsent(names[i], Label::new);
    }
    return outputs;
  }
}
