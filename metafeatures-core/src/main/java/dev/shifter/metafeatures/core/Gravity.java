package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.ClassFeatures;

/**
 * The Euclidean distance between the mean rows of the most frequent and the least frequent class, over the
 * continuous columns (pymfe {@code gravity}; ties go to the first class in sorted order).
 */
public final class Gravity implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "gravity";

  /** Creates the feature; it is stateless. */
  public Gravity() {
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
    return "distance between the centres of the majority and the minority class, continuous columns (pymfe gravity)";
  }

  @Override
  public boolean needsLabel() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    return ClassFeatures.gravity(table, NAME);
  }
}
