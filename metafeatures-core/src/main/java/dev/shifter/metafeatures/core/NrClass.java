package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.Attribute;
import dev.shifter.metafeatures.core.internal.ExactForward;

/**
 * The number of classes the label takes (pymfe {@code nr_class}). No gradient reaches a count: measure-only.
 */
public final class NrClass implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "nr_class";

  /** Creates the feature; it is stateless. */
  public NrClass() {
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
    return "number of classes of the label (pymfe nr_class; measure-only)";
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
    return ExactForward.ofConstant(table.continuous(), Attribute.label(table, NAME).size());
  }
}
