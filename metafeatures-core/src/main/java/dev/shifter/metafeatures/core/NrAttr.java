package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.ExactForward;

/**
 * The number of attributes: every column but the label (pymfe {@code nr_attr}). Measure-only.
 */
public final class NrAttr implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "nr_attr";

  /** Creates the feature; it is stateless. */
  public NrAttr() {
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
    return "number of attributes, the label left out (pymfe nr_attr; measure-only)";
  }

  @Override
  public boolean measureOnly() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    return ExactForward.ofConstant(table.continuous(), table.attributes().size());
  }
}
