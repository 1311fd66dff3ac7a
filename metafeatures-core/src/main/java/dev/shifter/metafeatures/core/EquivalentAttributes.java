package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.InfoFeatures;

/**
 * The equivalent number of attributes, {@code d H(y) / sum MI(a, y)} (pymfe {@code eq_num_attr}).
 */
public final class EquivalentAttributes implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "eq_num_attr";

  /** Creates the feature; it is stateless. */
  public EquivalentAttributes() {
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
    return "attributes times the label's entropy over their summed mutual information (pymfe eq_num_attr)";
  }

  @Override
  public boolean needsLabel() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    return InfoFeatures.equivalentAttributes(table, NAME);
  }
}
