package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.DecisionTree;
import dev.shifter.metafeatures.core.internal.ExactForward;

/**
 * The internal nodes of a classification tree grown on the table against the label, per feature the tree
 * saw (continuous columns and one per category of each categorical attribute; pymfe {@code nodes_per_attr},
 * whose categorical dummies are fewer). The tree is grown as scikit-learn's
 * {@code DecisionTreeClassifier} grows it ({@link DecisionTree}); where splits tie it can differ from
 * scikit-learn's, so values are near pymfe's, not equal. Measure-only.
 */
public final class NodesPerAttr implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "nodes_per_attr";

  /** Creates the feature; it is stateless. */
  public NodesPerAttr() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.SCALAR;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.NON_NEGATIVE;
  }

  @Override
  public String description() {
    return "internal nodes of a CART grown on the table per feature it saw (pymfe nodes_per_attr; measure-only)";
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
    long internal = tree.nodes().stream().filter(node -> !node.leaf()).count();
    return ExactForward.ofConstant(table.continuous(), internal / (double) Math.max(1, tree.features()));
  }
}
