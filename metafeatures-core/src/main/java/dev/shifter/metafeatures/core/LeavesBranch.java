package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.DecisionTree;
import dev.shifter.metafeatures.core.internal.ExactForward;

/**
 * The mean length of the branches, the depth of each leaf, of a classification tree grown on the table
 * against the label (pymfe {@code leaves_branch} under its default mean summary). The tree is grown as scikit-learn's
 * {@code DecisionTreeClassifier} grows it ({@link DecisionTree}); where splits tie it can differ from
 * scikit-learn's, so values are near pymfe's, not equal. Measure-only.
 */
public final class LeavesBranch implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "leaves_branch";

  /** Creates the feature; it is stateless. */
  public LeavesBranch() {
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
    return "mean depth of the leaves of a CART grown on the table (pymfe leaves_branch, its mean; measure-only)";
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
    double meanDepth = tree.leaves().stream().mapToInt(DecisionTree.Node::depth).average().orElse(0);
    return ExactForward.ofConstant(table.continuous(), meanDepth);
  }
}
