package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.ExactForward;

/**
 * The number of attributes divided by the number of rows (pymfe {@code attr_to_inst}). Measure-only.
 */
public final class AttrToInst implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "attr_to_inst";

  /** Creates the feature; it is stateless. */
  public AttrToInst() {
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
    return "attributes per row (pymfe attr_to_inst; measure-only)";
  }

  @Override
  public boolean measureOnly() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    return ExactForward.ofConstant(table.continuous(), table.attributes().size() / (double) table.rows());
  }
}
