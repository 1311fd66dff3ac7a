package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.DecisionTree;
import java.util.List;

/**
 * The share of the leaves of a classification tree grown on the table that predict each class (pymfe
 * {@code leaves_per_class}; a class no leaf predicts gets 0). The tree is grown as scikit-learn's
 * {@code DecisionTreeClassifier} grows it ({@link DecisionTree}); where splits tie it can differ from
 * scikit-learn's, so values are near pymfe's, not equal. Measure-only.
 */
public final class LeavesPerClass implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "leaves_per_class";

  /** Creates the feature; it is stateless. */
  public LeavesPerClass() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.PER_CLASS;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.UNIT_INTERVAL;
  }

  @Override
  public String description() {
    return "share of the leaves of a CART that predict each class (pymfe leaves_per_class; measure-only)";
  }

  @Override
  public boolean needsLabel() {
    return true;
  }

  @Override
  public boolean measureOnly() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    DecisionTree.Tree tree = DecisionTree.of(table, NAME);
    List<DecisionTree.Node> leaves = tree.leaves();
    int[] counts = new int[tree.classes()];
    for (DecisionTree.Node leaf : leaves) {
      counts[leaf.predicted()]++;
    }
    float[] shares = new float[counts.length];
    for (int c = 0; c < counts.length; c++) {
      shares[c] = (float) (counts[c] / (double) Math.max(1, leaves.size()));
    }
    return table.manager().create(shares);
  }
}
