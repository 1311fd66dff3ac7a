package dev.shifter.eval.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** The classifiers, all from Tribuo, with their fixed settings. */
public enum Learner {
  /**
   * Logistic regression with an L2 penalty of cost C = {@value #LOGISTIC_COST} (scikit-learn's default),
   * fitted to convergence by LIBLINEAR's trust-region Newton method (primal, stopping tolerance
   * {@value #LOGISTIC_TOLERANCE}); one model per class against the rest when there are more than two.
   */
  LOGISTIC_REGRESSION {
    @Override
    Trainer<Label> trainer(long seed) {
      return new LibLinearClassificationTrainer(new LinearClassificationType(LinearType.L2R_LR), LOGISTIC_COST,
          LOGISTIC_MAX_ITERATIONS, LOGISTIC_TOLERANCE, seed);
    }
  },
  /**
   * A CART decision tree with the Gini impurity, at most {@value #TREE_DEPTH} levels deep (the depth
   * the CTGAN paper's benchmark uses) and at least 5 training examples' weight per leaf, all features
   * considered at each split.
   */
  DECISION_TREE {
    @Override
    Trainer<Label> trainer(long seed) {
      return new CARTClassificationTrainer(TREE_DEPTH, 1.0f, seed);
    }
  },
  /**
   * A random forest: {@value #FOREST_TREES} CART trees (Gini impurity, at most {@value #FOREST_DEPTH}
   * levels), each on a bootstrap sample and choosing each split among a random
   * {@value #FOREST_FEATURE_FRACTION} of the features; the trees' leaf distributions are averaged.
   */
  RANDOM_FOREST {
    @Override
    Trainer<Label> trainer(long seed) {
      return new RandomForestTrainer<>(new CARTClassificationTrainer(FOREST_DEPTH, FOREST_FEATURE_FRACTION, seed),
          new FullyWeightedVotingCombiner(), FOREST_TREES, seed);
    }
  };

  /** The trees of the random forest. */
  public static final int FOREST_TREES = 50;
  /** Maximum depth of the forest's trees. */
  public static final int FOREST_DEPTH = 12;
  /** The share of the features each split of a forest's tree chooses among. */
  public static final float FOREST_FEATURE_FRACTION = 0.33f;

  /** The inverse L2 penalty of the logistic regression. */
  public static final double LOGISTIC_COST = 1.0;
  /** The stopping tolerance of the logistic regression's solver. */
  public static final double LOGISTIC_TOLERANCE = 0.001;
  /** The iteration limit of the logistic regression's solver. */
  public static final int LOGISTIC_MAX_ITERATIONS = 1000;
  /** Maximum depth of the decision tree. */
  public static final int TREE_DEPTH = 20;
  private static final LabelFactory LABELS = new LabelFactory();

  abstract Trainer<Label> trainer(long seed);

  /**
   * Trains this classifier. With a single class among the examples the result predicts that class for
   * every example (a classifier cannot learn more from them).
   *
   * @param examples the training examples, at least one
   * @param seed the trainer's seed
   * @return the trained classifier
   */
  public Fitted fit(List<Example<Label>> examples, long seed) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    Set<String> classes = new LinkedHashSet<>();
    for (Example<Label> example : examples) {
      classes.add(example.getOutput().getLabel());
    }
    if (classes.size() == 1) {
      String only = classes.iterator().next();
      return new Fitted(null, only);
    }
    MutableDataset<Label> dataset = new MutableDataset<>(
        new SimpleDataSourceProvenance("shifter quality evaluation", LABELS), LABELS);
    dataset.addAll(examples);
    return new Fitted(trainer(seed).train(dataset), "");
  }

  /** A trained classifier. */
  public static final class Fitted {
    private final @Nullable Model<Label> model;
    private final String constant;

    private Fitted(@Nullable Model<Label> model, String constant) {
      this.model = model;
      this.constant = constant;
    }

    /**
     * Predicts the class of each example.
     *
     * @param examples the examples
     * @return the predicted class names, in order
     */
    public String[] predict(List<Example<Label>> examples) {
      String[] predicted = new String[examples.size()];
      if (model == null) {
        Arrays.fill(predicted, constant);
        return predicted;
      }
      List<Prediction<Label>> predictions = model.predict(examples);
      for (int i = 0; i < predicted.length; i++) {
        predicted[i] = predictions.get(i).getOutput().getLabel();
      }
      return predicted;
    }

    /**
     * Returns the predicted probability of one class for each example.
     *
     * @param examples the examples
     * @param label the class
     * @return the probabilities, in order (0 or 1 when the classifier gives no probabilities)
     */
    public double[] probability(List<Example<Label>> examples, String label) {
      double[] probabilities = new double[examples.size()];
      if (model == null) {
        Arrays.fill(probabilities, constant.equals(label) ? 1 : 0);
        return probabilities;
      }
      List<Prediction<Label>> predictions = model.predict(examples);
      for (int i = 0; i < probabilities.length; i++) {
        Prediction<Label> prediction = predictions.get(i);
        Label score = prediction.getOutputScores().get(label);
        if (prediction.hasProbabilities() && score != null) {
          probabilities[i] = score.getScore();
        } else {
          probabilities[i] = prediction.getOutput().getLabel().equals(label) ? 1 : 0;
        }
      }
      return probabilities;
    }
  }
}
