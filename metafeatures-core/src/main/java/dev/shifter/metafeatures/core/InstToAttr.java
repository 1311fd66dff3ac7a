package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.ExactForward;

/**
 * The number of rows divided by the number of attributes (pymfe {@code inst_to_attr}). Measure-only.
 */
public final class InstToAttr implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "inst_to_attr";

  /** Creates the feature; it is stateless. */
  public InstToAttr() {
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
    return "rows per attribute (pymfe inst_to_attr; measure-only)";
  }

  @Override
  public boolean measureOnly() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    return ExactForward.ofConstant(table.continuous(), table.rows() / (double) Math.max(1, table.attributes().size()));
  }
}
